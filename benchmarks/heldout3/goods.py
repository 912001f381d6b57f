"""What parcels hold and how senders describe it, in the languages of the region and of its partners:
ordinary goods (also the covers that contraband hides behind), and the contraband itself as an
officer would write it in a finding."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from benchmarks.heldout3.people import to_cyrillic


@dataclass(frozen=True)
class Goods:
    key: str
    words: dict[str, list[str]]           # language -> descriptions
    hs: list[str]                         # fitting HS codes (4 to 10 digits)
    unit_kg: tuple[float, float]
    unit_eur: tuple[float, float]
    qty: tuple[int, int] = (1, 3)
    tags: tuple[str, ...] = field(default=())


G = Goods
CATALOG: dict[str, Goods] = {g.key: g for g in [
    G("clothes", {"en": ["Clothes", "T-shirt", "Women's dress", "Jacket", "Hoodie", "Jeans", "Baby clothes"],
                  "sr": ["Odeća", "Majica", "Jakna", "Dečja garderoba", "Farmerke", "Duks"],
                  "hr": ["Odjeća", "Majica", "Jakna"], "mk": ["Облека", "Маица", "Јакна", "Детска облека"],
                  "sq": ["Rroba", "Bluzë", "Xhaketë", "Rroba fëmijësh"], "de": ["Kleidung", "Damenkleid", "Jacke"],
                  "tr": ["Giysi", "Tişört", "Ceket", "Kadın elbise"], "bg": ["Дрехи", "Тениска", "Яке"]},
      ["6109", "6204", "6110", "6201", "620342", "6104", "611120"], (0.15, 1.1), (4, 55), (1, 5), ("soft",)),
    G("shoes", {"en": ["Shoes", "Sneakers", "Boots"], "sr": ["Patike", "Cipele", "Čizme"], "mk": ["Патики", "Чевли"],
                "sq": ["Këpucë", "Atlete"], "de": ["Schuhe", "Turnschuhe"], "tr": ["Ayakkabı", "Spor ayakkabı"],
                "bg": ["Обувки", "Маратонки"]}, ["6403", "6404", "640299"], (0.6, 1.5), (15, 110), (1, 2), ("soft",)),
    G("phone_accessories", {"en": ["Phone case", "USB cable", "Bluetooth earphones", "Charger", "Screen protector",
                                   "Power bank"], "sr": ["Maska za telefon", "Punjač", "Slušalice"],
                            "mk": ["Полнач", "Слушалки"], "sq": ["Kufje", "Karikues"], "de": ["Handyhülle", "Ladekabel"],
                            "bg": ["Калъф за телефон", "Зарядно"]},
      ["8517", "8544", "8518", "850440", "392690"], (0.02, 0.3), (1, 35), (1, 6), ("light",)),
    G("electronics", {"en": ["Laptop", "Tablet", "Smart watch", "Gaming console", "Wireless router", "Drone"],
                      "sr": ["Laptop", "Pametni sat", "Ruter"], "de": ["Notebook", "Tablet-PC"],
                      "mk": ["Лаптоп", "Паметен часовник"], "tr": ["Akıllı saat"]},
      ["8471", "8471", "851762", "950450", "851762", "880699"], (0.2, 2.6), (35, 900), (1, 1), ()),
    G("cosmetics", {"en": ["Cosmetics", "Perfume", "Face cream", "Shampoo", "Nail polish"],
                    "sr": ["Kozmetika", "Parfem", "Krema za lice"], "mk": ["Козметика", "Парфем"],
                    "sq": ["Kozmetikë", "Parfum"], "de": ["Kosmetik", "Parfüm"], "tr": ["Kozmetik", "Parfüm"],
                    "bg": ["Козметика", "Парфюм"]}, ["3304", "3303", "3305", "330499"], (0.08, 0.7), (4, 80), (1, 6), ()),
    G("books", {"en": ["Books", "Book", "Magazines"], "sr": ["Knjige", "Knjiga"], "mk": ["Книги"],
                "sq": ["Libra", "Libër"], "de": ["Bücher"], "bg": ["Книги"], "tr": ["Kitap"]},
      ["4901", "490199", "4902"], (0.25, 1.4), (5, 40), (1, 4), ()),
    G("food", {"en": ["Homemade food", "Biscuits", "Chocolate", "Sweets", "Coffee", "Spices", "Honey"],
               "sr": ["Ajvar", "Domaći ajvar", "Slatko od šljiva", "Kafa", "Suvo meso", "Čokolade", "Med", "Keks"],
               "hr": ["Domaći ajvar", "Kava", "Med", "Keksi"], "bs": ["Sudžuka", "Suhomesnato", "Hurmašice", "Kahva"],
               "mk": ["Ајвар", "Домашен ајвар", "Слатко", "Кафе", "Мед"], "sq": ["Kafe turke", "Mjaltë", "Reçel", "Ëmbëlsira"],
               "de": ["Lebensmittel", "Kaffee", "Süßigkeiten"], "tr": ["Lokum", "Türk kahvesi", "Baklava", "Baharat"],
               "bg": ["Лютеница", "Мед", "Сладко"]},
      ["2005", "0901", "1806", "1905", "1704", "0409", "2007", "1602", "0910"], (0.2, 1.5), (2, 15), (1, 8), ("heavy_ok",)),
    G("drinks", {"en": ["Plum brandy", "Wine", "Homemade brandy"], "sr": ["Rakija", "Šljivovica", "Vino", "Domaća rakija"],
                 "mk": ["Ракија", "Вино"], "sq": ["Raki", "Verë"], "bg": ["Ракия", "Вино"], "de": ["Wein", "Obstbrand"]},
      ["2208", "220890", "2204"], (0.9, 1.6), (5, 30), (1, 4), ("heavy_ok",)),
    G("documents", {"en": ["Documents", "Papers", "Contract", "Invoices", "Letter"],
                    "sr": ["Dokumenta", "Dokumentacija", "Pismo"], "mk": ["Документи", "Писмо"], "sq": ["Dokumente", "Letër"],
                    "de": ["Dokumente", "Unterlagen"], "tr": ["Evrak", "Belgeler"], "bg": ["Документи"]},
      [], (0.03, 0.4), (0, 0), (1, 1), ("documents",)),
    G("car_parts", {"en": ["Car parts", "Auto parts", "Brake pads", "Oil filter", "Alternator", "Gear", "Brake disc",
                           "Shock absorber", "Spare parts for car", "Injector", "Clutch kit", "Water pump"],
                    "sr": ["Auto delovi", "Delovi za automobil", "Kočione pločice", "Filter ulja", "Alternator",
                           "Zupčanik", "Kočioni disk", "Amortizer", "Pumpa za vodu"],
                    "hr": ["Autodijelovi", "Dijelovi za auto", "Kočione pločice"], "bs": ["Auto dijelovi", "Dijelovi za auto"],
                    "mk": ["Авто делови", "Делови за автомобил", "Сопирачки плочки", "Алтернатор"],
                    "sq": ["Pjesë këmbimi", "Pjesë makine", "Pjesë për veturë", "Frena"],
                    "de": ["Autoteile", "Ersatzteile Auto", "Bremsbeläge", "Lichtmaschine", "Stoßdämpfer"],
                    "tr": ["Oto yedek parça", "Fren balatası", "Yağ filtresi"], "bg": ["Авточасти", "Резервни части за кола"]},
      ["8708", "8708", "870830", "842123", "851150", "848340", "870830", "870880", "870899", "840991", "870893", "841330"], (0.3, 7.5), (4, 160), (1, 4),
      ("dense", "low_scrutiny")),
    G("tools", {"en": ["Hand tools", "Tools", "Socket wrench set", "Drill", "Pliers", "Screwdriver set", "Angle grinder"],
                "sr": ["Alat", "Set ključeva", "Bušilica", "Klešta", "Odvijači"], "hr": ["Alat", "Set ključeva"],
                "mk": ["Алат", "Клешти", "Дупчалка"], "sq": ["Vegla", "Vegla pune", "Çelësa"],
                "de": ["Werkzeug", "Steckschlüsselsatz", "Bohrmaschine"], "tr": ["El aletleri", "Alet seti"],
                "bg": ["Инструменти", "Гаечни ключове"]},
      ["8204", "8205", "820411", "8467", "846721", "8203"], (0.3, 4.5), (6, 140), (1, 3), ("dense", "low_scrutiny")),
    G("metal_parts", {"en": ["Metal parts", "Steel parts", "Metal fittings", "Hardware", "Bolts and nuts", "Springs"],
                      "sr": ["Metalni delovi", "Delovi od metala", "Opruge", "Šrafovi"], "mk": ["Метални делови"],
                      "sq": ["Pjesë metalike"], "de": ["Metallteile", "Beschläge", "Federn"], "tr": ["Metal parçalar"],
                      "bg": ["Метални части"]},
      ["7326", "732690", "7318", "7320", "8302"], (0.2, 5.0), (3, 80), (1, 10), ("dense",)),
    G("toys", {"en": ["Toys", "Toy", "Building blocks", "Plush toy", "Toy car", "Board game"],
               "sr": ["Igračke", "Igračka", "Kocke"], "mk": ["Играчки", "Играчка"], "sq": ["Lodra", "Lodër"],
               "de": ["Spielzeug", "Spielwaren"], "tr": ["Oyuncak"], "bg": ["Играчки"]},
      ["9503", "950300", "9504"], (0.1, 2.0), (4, 60), (1, 5), ("low_scrutiny",)),
    G("fishing", {"en": ["Fishing tackle", "Fishing reel", "Fishing rod", "Lures", "Fishing weights"],
                  "sr": ["Pribor za pecanje", "Mašinica za pecanje", "Štap za pecanje", "Olovo za pecanje", "Varalice"],
                  "mk": ["Риболовна опрема", "Макара"], "sq": ["Takëm peshkimi"], "de": ["Angelzubehör", "Angelrolle", "Angelblei"],
                  "tr": ["Balıkçılık malzemesi", "Olta makinesi"], "bg": ["Риболовни принадлежности"]},
      ["9507", "950790", "950730"], (0.1, 2.5), (4, 110), (1, 4), ()),
    G("sports", {"en": ["Sports equipment", "Dumbbells", "Yoga mat", "Football", "Cycling gloves", "Kettlebell"],
                 "sr": ["Sportska oprema", "Tegovi", "Bučice", "Lopta"], "mk": ["Спортска опрема", "Тегови"],
                 "sq": ["Pajisje sportive", "Pesha"], "de": ["Sportartikel", "Hanteln"], "tr": ["Spor malzemesi", "Dambıl"],
                 "bg": ["Спортни стоки", "Дъмбели"]},
      ["9506", "950691", "950662"], (0.3, 12.0), (8, 150), (1, 4), ("dense", "heavy_ok")),
    G("supplements", {"en": ["Food supplement", "Vitamins", "Protein powder", "Herbal tea"],
                      "sr": ["Vitamini", "Dodatak ishrani", "Protein"], "mk": ["Витамини", "Додаток во исхраната"],
                      "sq": ["Vitamina", "Çaj mali"], "de": ["Nahrungsergänzung", "Vitamine"], "bg": ["Витамини"]},
      ["2106", "210690", "0902", "1211"], (0.15, 2.4), (8, 70), (1, 4), ()),
    G("jewellery", {"en": ["Jewelry", "Bracelet", "Necklace", "Watch"], "sr": ["Nakit", "Narukvica", "Sat"],
                    "mk": ["Накит"], "sq": ["Bizhuteri", "Stoli"], "de": ["Schmuck", "Armbanduhr"], "tr": ["Takı"]},
      ["7117", "7113", "9102"], (0.02, 0.3), (2, 120), (1, 5), ("light",)),
    G("home_textiles", {"en": ["Bed linen", "Towels", "Blanket", "Curtains"], "sr": ["Posteljina", "Peškiri", "Ćebe"],
                        "mk": ["Постелнина", "Крпи"], "sq": ["Çarçafë", "Peshqirë"], "de": ["Bettwäsche", "Handtücher"],
                        "tr": ["Nevresim takımı", "Havlu"]}, ["6302", "6301", "6303"], (0.4, 3.0), (8, 60), (1, 3), ("soft",)),
    G("machine_parts", {"en": ["Spare parts", "Bearings", "Machine parts", "Hydraulic valve", "Pump parts", "Gears"],
                        "sr": ["Rezervni delovi", "Ležajevi", "Delovi za mašine"], "mk": ["Резервни делови", "Лежишта"],
                        "sq": ["Pjesë rezervë"], "de": ["Ersatzteile", "Kugellager", "Maschinenteile"],
                        "tr": ["Yedek parça", "Rulman"], "bg": ["Резервни части", "Лагери"]},
      ["8482", "8483", "8481", "8413", "848210", "8487"], (0.4, 15.0), (10, 450), (1, 6), ("dense",)),
    G("bicycle_parts", {"en": ["Bicycle parts", "Bike chain", "Derailleur"], "sr": ["Delovi za bicikl", "Lanac"],
                        "de": ["Fahrradteile"], "mk": ["Делови за велосипед"]}, ["8714", "871499"], (0.2, 3.0), (6, 120), (1, 3), ()),
    G("medicines", {"en": ["Medicines", "Medication", "Pharmaceuticals"], "sr": ["Lekovi", "Lijekovi"], "mk": ["Лекови"],
                    "sq": ["Ilaçe", "Barna"], "de": ["Medikamente", "Arzneimittel"], "tr": ["İlaç"]},
      ["3004", "300490"], (0.05, 0.8), (5, 90), (1, 4), ()),
    G("samples", {"en": ["Commercial sample", "Samples", "Sample, no commercial value", "Product samples"],
                  "sr": ["Uzorak", "Uzorci", "Uzorak bez komercijalne vrednosti"], "mk": ["Мостра", "Примероци"],
                  "sq": ["Kampion", "Mostra"], "de": ["Muster", "Warenmuster ohne Handelswert"], "tr": ["Numune"]},
      ["3926", "7326", "6307", "8543"], (0.05, 1.5), (0, 20), (1, 3), ("samples",)),
    G("household", {"en": ["Kitchen utensils", "Household goods", "Ceramic mugs", "LED lamp", "Vacuum cleaner parts"],
                    "sr": ["Posuđe", "Stvari za kuću", "Lampa"], "mk": ["Садови", "Работи за дома"], "sq": ["Enë kuzhine"],
                    "de": ["Haushaltswaren", "Küchenzubehör"], "tr": ["Mutfak eşyası"], "bg": ["Домакински стоки"]},
      ["7323", "3924", "6912", "9405", "8508"], (0.2, 4.0), (5, 90), (1, 4), ()),
    G("personal_effects", {"en": ["Personal effects", "Used clothes", "Personal belongings"],
                           "sr": ["Lične stvari", "Polovna odeća"], "mk": ["Лични работи"], "sq": ["Sende personale"],
                           "de": ["Persönliche Gegenstände", "Gebrauchte Kleidung"]},
      ["6309", "9803"], (0.5, 6.0), (5, 80), (1, 3), ("soft", "heavy_ok")),
    # hobby and hunting goods that are legal to send and look like the trade
    G("airsoft", {"en": ["Airsoft gun", "Airsoft pistol replica", "Airsoft parts", "BB pellets 0.25g", "Gas blowback magazine",
                         "Airsoft hop-up unit", "Airsoft gearbox"],
                  "sr": ["Airsoft replika", "Airsoft delovi", "Kuglice za airsoft"], "de": ["Softair Pistole", "Softair Ersatzteile"],
                  "mk": ["Ерсофт реплика"], "tr": ["Airsoft tabanca", "Airsoft yedek parça"]},
      ["9503", "9503", "950300", "3926", "930400", "950300", "950300"], (0.2, 3.2), (15, 260), (1, 2), ("hobby",)),
    G("hunting_accessories", {"en": ["Riflescope", "Hunting binoculars", "Holster", "Gun cleaning kit", "Gun safe",
                                     "Sling", "Red dot sight", "Hunting knife", "Decoys"],
                              "sr": ["Optički nišan", "Dvogled", "Futrola", "Set za čišćenje oružja", "Lovački nož",
                                     "Kaiš za pušku", "Lovačka oprema"],
                              "mk": ["Оптички нишан", "Ловечка опрема"], "sq": ["Dylbi", "Thikë gjuetie", "Pajisje gjuetie"],
                              "de": ["Zielfernrohr", "Jagdzubehör", "Holster", "Waffenreinigungsset", "Jagdmesser"],
                              "tr": ["Dürbün", "Av malzemesi", "Av bıçağı"]},
      ["901310", "9005", "4202", "930590", "8303", "4205", "9013", "8211", "9507"], (0.1, 3.5), (12, 400), (1, 2), ("hobby",)),
    G("produce", {"en": ["Fresh bananas", "Frozen shrimp", "Coffee beans", "Cut flowers", "Fruit juice concentrate",
                         "Pineapples", "Canned fruit"], "de": ["Frische Bananen"]},
      ["0803", "0306", "0901", "0603", "2009", "0804", "2008"], (8.0, 40.0), (20, 300), (2, 30), ("cargo",)),
    G("chemicals", {"en": ["Industrial chemical", "Cleaning agent", "Food additive", "Resin", "Plasticizer", "Solvent",
                           "Cosmetic raw material", "Pharmaceutical intermediate"], "de": ["Industriechemikalie"]},
      ["2915", "3402", "2106", "3907", "2917", "2914", "3824", "2933"], (5.0, 25.0), (30, 400), (1, 5), ("cargo",)),
    G("fabric", {"en": ["Cotton fabric", "Textile rolls", "Polyester fabric"], "de": ["Stoffe"], "tr": ["Kumaş"]},
      ["5208", "5407", "6006"], (15.0, 60.0), (40, 600), (2, 20), ("cargo",)),
    G("industrial", {"en": ["Electronic components", "Machinery", "Pharmaceutical products", "Auto spare parts",
                            "Printed circuit boards", "Laboratory equipment", "Cut flowers", "Textiles", "Garments"],
                     "de": ["Maschinenteile", "Elektronische Bauteile"], "tr": ["Tekstil ürünleri", "Makine parçaları"]},
      ["8542", "8479", "3004", "8708", "8534", "9027", "0603", "6204", "6110"], (5.0, 120.0), (50, 4000), (1, 25), ("cargo",)),
    G("bulk", {"en": ["Ceramic tiles", "Furniture", "Frozen food", "Steel profiles", "Household appliances",
                      "Used clothing in bales", "Building materials", "Tyres", "Plastic granules"],
               "tr": ["Seramik karo", "Mobilya"], "de": ["Möbel"]},
      ["6907", "9403", "0303", "7216", "8418", "6309", "6810", "4011", "3901"], (300.0, 2500.0), (400, 20000), (5, 30), ("bulk",)),
]}

# what a country's senders tend to post, by kind of sender
PRIVATE_GOODS = ["clothes", "food", "drinks", "personal_effects", "documents", "shoes", "cosmetics", "books", "household",
                 "medicines", "toys", "supplements", "car_parts", "tools", "jewellery", "home_textiles"]
ESHOP_GOODS = ["clothes", "shoes", "phone_accessories", "electronics", "cosmetics", "toys", "household", "jewellery",
               "sports", "fishing", "bicycle_parts", "tools", "car_parts", "supplements", "home_textiles", "books",
               "metal_parts"]
TRADER_GOODS = ["car_parts", "machine_parts", "tools", "metal_parts", "samples", "fabric", "electronics"]

LANG_OF = {"RS": "sr", "BA": "sr", "ME": "sr", "HR": "hr", "MK": "mk", "AL": "sq", "XK": "sq", "BG": "bg", "TR": "tr",
           "DE": "de", "AT": "de", "CH": "de"}


def describe(rng: random.Random, goods: Goods, lang: str) -> tuple[str, str]:
    """A description of the goods in the wanted language if the senders write one there, else English.
    `lang` may be `sr_cyr`: Serbian in Cyrillic. Returns (description, language used)."""
    text, used, _ = describe_indexed(rng, goods, lang)
    return text, used


def describe_indexed(rng: random.Random, goods: Goods, lang: str) -> tuple[str, str, int]:
    """As describe(), with the index of the description in its language's list (English descriptions of
    goods with one HS code per description pair with goods.hs by that index)."""
    base = "sr" if lang in ("sr_cyr", "bs", "me") else lang
    if lang == "bs" and "bs" in goods.words:
        base = "bs"
    words = goods.words.get(base)
    if not words and base == "hr":
        words, base = goods.words.get("sr"), "sr"
    if not words:
        words, base, lang = goods.words["en"], "en", "en"
    i = rng.randrange(len(words))
    if lang == "sr_cyr":
        return to_cyrillic(words[i]), "sr_cyr", i
    return words[i], base, i


# --- contraband -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Contraband:
    goods: str                          # truth.goods
    finding: str                        # records.md §2 category
    descriptions: list[str]             # as an officer writes the finding
    kg: tuple[float, float]             # weight of one unit
    qty: tuple[int, int]
    revealing: dict[str, list[str]] = field(default_factory=dict)   # give-away wording some senders use


C = Contraband
CONTRABAND = {
    "pistol_dismantled": C("firearms", "pistol", ["Zastava M57 7.62x25 mm, dismantled", "Zastava M70 7.65 mm, rastavljen",
                                                  "CZ 99 9x19 mm, frame and slide separate", "TT-33 pattern pistol, dismantled",
                                                  "Glock 19 9x19 mm, serial number removed"], (0.7, 1.1), (1, 1),
                           {"en": ["metal tube and spring set", "cleaning rod set"], "sr": ["metalna cev i opruga"]}),
    "revolver": C("firearms", "revolver", ["Revolver .38 Special, 6-shot", "Zastava revolver .357 Magnum"], (0.8, 1.2), (1, 1)),
    "rifle_m70": C("firearms", "assault_rifle", ["Zastava M70AB2 7.62x39 mm, dismantled in three parts",
                                                  "Kalashnikov-pattern rifle 7.62x39 mm, folding stock, dismantled"],
                   (3.4, 4.2), (1, 1), {"en": ["wooden stock parts"], "sr": ["kundak i metalni delovi"]}),
    "hunting_rifle": C("firearms", "rifle", ["Bolt-action hunting rifle 7x57 mm", "Zastava M48 8x57 mm, barrel shortened"],
                       (3.0, 4.0), (1, 1)),
    "carbine": C("firearms", "carbine", ["SKS carbine 7.62x39 mm, dismantled", "Zastava M59/66 carbine, dismantled"], (3.5, 4.0), (1, 1)),
    "shotgun": C("firearms", "shotgun", ["Sawn-off double-barrel shotgun 12 gauge", "Pump-action shotgun 12/76, dismantled"],
                 (2.6, 3.4), (1, 1)),
    "smg": C("firearms", "submachine_gun", ["Zastava M84 Škorpion 7.65 mm", "Submachine gun M56 7.62x25 mm, dismantled"],
             (1.3, 3.1), (1, 1)),
    "slide": C("firearm_parts", "firearm_part", ["Pistol slide, 9x19 mm, Glock-compatible", "Complete upper slide with barrel"],
               (0.3, 0.55), (1, 3), {"en": ["slide", "upper assembly"], "de": ["Verschluss"]}),
    "barrel": C("firearm_parts", "firearm_part", ["Pistol barrel 9x19 mm", "Threaded barrel .22 LR", "Rifle barrel 7.62x39 mm"],
                (0.2, 1.2), (1, 4), {"en": ["threaded barrel", "steel tube"], "sr": ["cev"], "de": ["Lauf"]}),
    "frame_kit": C("firearm_parts", "firearm_component", ["80% pistol frame kit with jig", "Unfinished receiver, polymer",
                                                           "Lower receiver, unserialised"], (0.15, 0.4), (1, 3),
                   {"en": ["80% frame", "jig kit", "polymer frame"]}),
    "trigger_group": C("firearm_parts", "firearm_component", ["Trigger group assembly", "Auto sear / conversion part",
                                                               "Bolt carrier group 7.62x39"], (0.05, 0.5), (1, 5),
                       {"en": ["trigger kit", "sear"]}),
    "solvent_trap": C("firearm_parts", "firearm_component", ["Solvent trap kit with drilled cups (suppressor kit)",
                                                              "Converter kit for blank pistol barrel"], (0.3, 0.8), (1, 2),
                      {"en": ["solvent trap", "fuel filter kit", "cleaning cups"]}),
    "blank_pistol": C("converted_weapons", "converted_or_convertible_weapon",
                      ["Blank-firing pistol 9 mm P.A.K., bore not blocked (convertible)",
                       "Alarm pistol converted to fire live 9 mm rounds", "Gas pistol 8 mm, barrel drilled",
                       "Blank-firing pistol 9 mm P.A.K. with replacement barrel"], (0.7, 1.0), (1, 4),
                      {"en": ["blank pistol", "starter pistol", "alarm pistol", "signal pistol"], "tr": ["kurusıkı tabanca"],
                       "de": ["Schreckschusspistole", "Gaspistole"], "sr": ["plašljivac", "gasni pištolj"],
                       "mk": ["гасен пиштол"], "sq": ["pistoletë gazi"], "bg": ["газов пистолет"]}),
    "ammo_pistol": C("ammunition", "ammunition", ["Cartridges 9x19 mm", "Cartridges 7.62x25 mm Tokarev", "Cartridges 7.65 mm Browning"],
                     (0.011, 0.013), (50, 400), {"en": ["ammo", "rounds"], "sr": ["municija"], "de": ["Munition"]}),
    "ammo_rifle": C("ammunition", "ammunition", ["Cartridges 7.62x39 mm", "Cartridges 5.56x45 mm", "Cartridges 7.9x57 mm"],
                    (0.016, 0.027), (40, 300), {"en": ["ammo"], "sr": ["metci"]}),
    "grenade": C("explosives", "explosive", ["Hand grenade M75", "Hand grenade M52, with fuse"], (0.35, 0.6), (1, 4)),
    "plastic_explosive": C("explosives", "explosive", ["Plastic explosive, approx. 400 g", "TNT blocks 200 g", "Detonators, electric"],
                           (0.2, 0.6), (1, 5)),
    "cannabis": C("drugs", "drugs", ["Cannabis herb, vacuum-packed", "Cannabis resin"], (0.5, 2.0), (1, 6)),
    "cocaine": C("drugs", "drugs", ["Cocaine, concealed in the goods", "Cocaine hydrochloride, packages"], (0.5, 2.0), (1, 4)),
    "synthetic": C("drugs", "drugs", ["MDMA tablets", "Amphetamine paste", "Tramadol tablets, unlicensed"], (0.2, 1.5), (1, 3)),
    "precursor": C("drug_precursors", "drugs", ["APAA (amphetamine precursor), labelled as industrial chemical",
                                                "BMK glycidate, white powder", "Chemical precursor (P-2-P)"], (1.0, 25.0), (1, 4)),
    "cash": C("cash", "cash", ["EUR cash in 500 and 200 notes, undeclared", "CHF and EUR banknotes between clothes",
                               "USD cash, bundled, hidden in a book"], (0.05, 0.8), (1, 1)),
    "cigarettes": C("cigarettes", "other", ["Cigarettes, cartons without excise stamps", "Cigarettes, cheap whites"],
                    (0.25, 0.25), (4, 60)),
    "counterfeit": C("counterfeit", "other", ["Counterfeit branded trainers", "Counterfeit luxury handbags",
                                              "Counterfeit perfumes", "Counterfeit phone accessories"], (0.2, 1.2), (2, 20)),
}
