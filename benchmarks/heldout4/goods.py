"""What shipments declare: a catalogue of ordinary goods with HS codes, unit weights and values and
descriptions in the languages of the senders, and the words that give contraband away."""

from __future__ import annotations

import random

from . import people

# key: (hs codes, unit kg range, unit EUR range, {language: descriptions})
CATALOGUE: dict[str, tuple] = {
    "phone_accessories": (["392690", "851770", "854442"], (0.03, 0.25), (1, 12), {
        "en": ["Phone case", "USB-C cable", "Car phone holder", "Screen protector", "Phone charger"]}),
    "electronics_small": (["851830", "850440", "851762", "854370"], (0.1, 0.6), (6, 70), {
        "en": ["Bluetooth earphones", "Power bank", "Smart watch", "Wireless mouse", "Mini camera"],
        "de": ["Kopfhörer", "Ladegerät"]}),
    "clothes": (["6109", "6110", "6204", "6203", "6104", "620193"], (0.2, 1.4), (5, 70), {
        "en": ["T-shirt", "Women's dress", "Hoodie", "Winter jacket", "Jeans", "Clothes"],
        "de": ["Damenkleid", "Pullover", "Winterjacke", "Kleidung", "Kinderkleidung"],
        "sr": ["Garderoba", "Odeća", "Dečija odeća", "Jakna"], "mk": ["Облека", "Детска облека", "Јакна"],
        "sq": ["Rroba", "Rroba për fëmijë", "Xhaketë"], "tr": ["Giyim", "Kadın elbise", "Mont"]}),
    "shoes": (["6403", "6404", "640299"], (0.6, 1.5), (15, 110), {
        "en": ["Sneakers", "Boots", "Shoes"], "de": ["Schuhe", "Stiefel"], "sr": ["Patike", "Cipele"],
        "tr": ["Ayakkabı"]}),
    "cosmetics": (["330499", "330300", "330510"], (0.1, 0.8), (5, 60), {
        "en": ["Cosmetics", "Face cream", "Perfume sample", "Shampoo"], "de": ["Kosmetik", "Parfüm"],
        "tr": ["Kozmetik"], "sr": ["Kozmetika"]}),
    "toys": (["9503", "950300", "950490"], (0.2, 2.0), (3, 40), {
        "en": ["Toy", "Kids toy", "Plastic toy car", "Building blocks", "Puzzle"], "de": ["Spielzeug", "Lego"],
        "sr": ["Igračke", "Igračka za decu"], "mk": ["Играчки"], "sq": ["Lodra"], "tr": ["Oyuncak"]}),
    "home_goods": (["630231", "732393", "940520", "691110"], (0.3, 4.0), (5, 70), {
        "en": ["Bed linen", "Kitchenware", "Table lamp", "Plates set"], "de": ["Bettwäsche", "Geschirr"],
        "sr": ["Posteljina", "Posuđe"], "tr": ["Nevresim takımı", "Mutfak eşyası"], "mk": ["Постелнина"]}),
    "car_parts": (["870830", "870899", "840991", "851110", "842123", "870840"], (0.5, 12.0), (5, 160), {
        "en": ["Car parts", "Auto parts", "Brake pads", "Oil filter", "Spark plugs", "Clutch kit", "Used car parts"],
        "de": ["Autoteile", "Bremsbeläge", "Ölfilter", "Zündkerzen", "Kupplungssatz", "Gebrauchte Autoteile"],
        "sr": ["Auto delovi", "Auto dijelovi", "Kočione pločice", "Delovi za auto"],
        "mk": ["Ауто делови", "Резервни делови"],
        "sq": ["Pjesë këmbimi", "Pjesë makine"], "tr": ["Oto yedek parça"]}),
    "tools": (["820559", "820420", "846721", "820310"], (0.3, 5.0), (5, 120), {
        "en": ["Hand tools", "Tool set", "Drill", "Wrench set"], "de": ["Werkzeug", "Werkzeugset", "Bohrmaschine"],
        "sr": ["Alat", "Set alata"], "mk": ["Алат"], "sq": ["Vegla", "Vegla pune"], "tr": ["El aletleri"]}),
    "fishing": (["950790", "950730", "950720"], (0.1, 2.0), (5, 80), {
        "en": ["Fishing tackle", "Fishing reel", "Fishing lures"], "de": ["Angelzubehör", "Angelrolle"],
        "sr": ["Ribolovačka oprema", "Pribor za pecanje"], "mk": ["Риболовна опрема"]}),
    "sporting": (["950691", "950699", "950662"], (0.3, 5.0), (5, 90), {
        "en": ["Sports equipment", "Dumbbells", "Fitness equipment", "Football"], "de": ["Sportartikel", "Hanteln"],
        "sr": ["Sportska oprema", "Tegovi"], "tr": ["Spor malzemesi"]}),
    "food_home": (["210390", "040690", "021020", "190590", "200799"], (0.5, 3.0), (3, 20), {
        "sr": ["Ajvar", "Domaći sir", "Suvo meso", "Kolači", "Domaća hrana", "Pekmez", "Kajmak"],
        "mk": ["Ајвар", "Сирење", "Домашна храна", "Слатко", "Пастрмајлија"],
        "sq": ["Ushqime shtëpie", "Djathë", "Reçel"], "en": ["Homemade food", "Cheese", "Jam"]}),
    "sweets_coffee": (["180690", "090121", "170490"], (0.2, 2.5), (2, 25), {
        "de": ["Schokolade", "Kaffee", "Süßigkeiten", "Milka Schokolade", "Jacobs Kaffee"],
        "en": ["Chocolate", "Coffee", "Sweets"], "sr": ["Slatkiši", "Kafa", "Čokolade"]}),
    "detergent": (["340250", "340220", "340111"], (1.0, 6.0), (5, 30), {
        "de": ["Waschpulver", "Waschmittel", "Spülmittel"], "en": ["Detergent", "Washing powder"],
        "sr": ["Deterdžent", "Prašak za veš"], "sq": ["Detergjent"]}),
    "medicines": (["300490", "300450", "210690"], (0.05, 0.5), (5, 60), {
        "en": ["Medicines", "Vitamins", "Food supplements", "Pharmacy products"], "de": ["Arzneimittel", "Vitamine",
        "Apothekenprodukte"], "sr": ["Lekovi", "Lijekovi", "Vitamini"], "mk": ["Лекови", "Витамини"],
        "sq": ["Ilaçe", "Vitamina"]}),
    "documents": (["490199", "482090"], (0.02, 0.4), (0, 2), {
        "en": ["Documents", "Papers", "Certificates", "Contract"], "de": ["Dokumente", "Unterlagen"],
        "sr": ["Dokumenti", "Dokumentacija"], "mk": ["Документи"], "sq": ["Dokumente"]}),
    "books": (["490199", "490300"], (0.3, 2.5), (5, 40), {
        "en": ["Books", "Book"], "de": ["Bücher"], "sr": ["Knjige"], "mk": ["Книги"], "sq": ["Libra"]}),
    "jewellery": (["711719", "711319"], (0.02, 0.3), (5, 400), {
        "en": ["Jewellery", "Bracelet", "Necklace"], "tr": ["Takı", "Altın kolye"], "de": ["Schmuck"]}),
    "fabric": (["540752", "520812", "600622"], (0.3, 8.0), (5, 120), {
        "en": ["Fabric samples", "Textile samples", "Knitted fabric"], "it": ["Campioni di tessuto"],
        "sr": ["Uzorci tkanine"], "mk": ["Мостри од ткаенина"], "sq": ["Mostra tekstili"]}),
    "bearings": (["848210", "848180", "848390"], (0.5, 15.0), (10, 300), {
        "en": ["Ball bearings", "Valves", "Gear parts", "Machine parts"], "de": ["Kugellager", "Ventile",
        "Maschinenteile"], "sr": ["Ležajevi", "Mašinski delovi"], "mk": ["Лежишта"], "tr": ["Rulman"]}),
    "hunting_optics": (["900510", "901320", "900580"], (0.4, 1.5), (90, 900), {
        "en": ["Riflescope", "Binoculars", "Thermal monocular"], "de": ["Zielfernrohr", "Fernglas",
        "Wärmebildkamera"], "sr": ["Optika za lov", "Dvogled"]}),
    "hunting_clothes": (["620193", "640391", "420292"], (0.5, 2.5), (30, 250), {
        "en": ["Hunting jacket", "Hunting boots", "Gun bag"], "de": ["Jagdjacke", "Jagdstiefel", "Waffenfutteral"],
        "sr": ["Lovačka jakna", "Lovačke čizme"]}),
    "ammunition_legal": (["930621", "930630"], (0.6, 1.2), (10, 45), {
        "en": ["Hunting cartridges 12/70", "Rifle cartridges .308 Win", "Shotgun shells 12 ga", "Cartridges 7x64"],
        "sr": ["Lovačka municija", "Lovački meci 12/70", "Municija 7x57R"], "de": ["Jagdpatronen", "Schrotpatronen"]}),
    "airsoft": (["950390", "930400", "950699"], (0.8, 3.5), (40, 300), {
        "en": ["Airsoft replica", "Airsoft gun AEG", "Airsoft BB pellets 0.25g", "Airsoft gas pistol replica"],
        "de": ["Softair", "Airsoft Gewehr"], "sr": ["Airsoft replika", "Erisoft puška"]}),
    "collectibles": (["970500", "711890", "970600"], (0.05, 1.5), (10, 400), {
        "en": ["Old coins", "Militaria badges", "Collectible medals", "Antique postcards"],
        "sr": ["Stari novčići", "Ordenje", "Kolekcionarske značke"], "de": ["Münzen", "Orden und Abzeichen"]}),
    "knives": (["821191", "821193", "821510"], (0.1, 0.8), (5, 150), {
        "en": ["Kitchen knives", "Hunting knife", "Pocket knife"], "de": ["Jagdmesser", "Küchenmesser"],
        "sr": ["Lovački nož", "Noževi"]}),
    "used_phones": (["851713", "851762"], (0.15, 0.4), (40, 400), {
        "en": ["Mobile phone", "Used phone"], "sr": ["Mobilni telefon", "Polovan telefon"], "mk": ["Мобилен телефон"],
        "sq": ["Telefon celular"]}),
    "spare_parts": (["847990", "848790", "731815"], (0.2, 5.0), (3, 80), {
        "en": ["Spare parts", "Parts", "Metal parts", "Screws and bolts"], "de": ["Ersatzteile", "Metallteile"],
        "sr": ["Rezervni delovi", "Metalni delovi"], "mk": ["Резервни делови", "Метални делови"],
        "sq": ["Pjesë metalike"], "tr": ["Yedek parça", "Metal parça"]}),
    "chemicals": (["291411", "291512", "382499", "292429"], (1.0, 25.0), (15, 300), {
        "en": ["Laboratory reagents", "Industrial chemical", "Solvent", "Chemical intermediate"],
        "de": ["Laborchemikalien"]}),
    "tea_herbs": (["121190", "090230", "091099"], (0.1, 1.5), (2, 25), {
        "en": ["Herbal tea", "Dried herbs", "Spices"], "sr": ["Čaj", "Planinski čaj", "Začini"],
        "mk": ["Чај", "Планински чај"], "sq": ["Çaj mali", "Erëza"], "de": ["Kräutertee"]}),
    "christmas": (["950510", "940540"], (0.2, 3.0), (3, 40), {
        "en": ["Christmas decorations", "Christmas lights", "LED garland"], "sr": ["Novogodišnji ukrasi",
        "Jelkine lampice"], "mk": ["Новогодишни украси"], "de": ["Weihnachtsdeko"]}),
    "coffee_beans": (["090111", "090121"], (0.5, 5.0), (8, 40), {
        "en": ["Coffee beans", "Roasted coffee"], "es": ["Café tostado", "Café en grano"], "pt": ["Café torrado"]}),
    "handicrafts": (["460219", "691390", "442090"], (0.2, 3.0), (5, 60), {
        "en": ["Handicrafts", "Souvenirs", "Wooden figures"], "es": ["Artesanías"], "sr": ["Suveniri", "Rukotvorine"]}),
    "alcohol_home": (["220890", "220421"], (0.8, 1.6), (5, 25), {
        "sr": ["Domaća rakija", "Šljivovica", "Vino"], "mk": ["Ракија", "Домашно вино"], "sq": ["Raki shtëpie"]}),
    "bags": (["420222", "420292"], (0.3, 1.5), (10, 120), {
        "en": ["Handbag", "Backpack"], "tr": ["Çanta"], "de": ["Rucksack"]}),
    "electronics_bulk": (["847130", "851713", "852872"], (1.5, 4.0), (120, 700), {
        "en": ["Laptops", "Mobile phones", "LED TV", "Tablets"]}),
    "flowers": (["060311", "060319"], (8.0, 25.0), (40, 160), {
        "en": ["Fresh cut flowers", "Roses", "Chrysanthemums"], "nl": ["Snijbloemen"]}),
    "bananas": (["080390"], (18000.0, 24000.0), (9000, 16000), {"en": ["Fresh bananas", "Bananas Cavendish"],
                                                                 "es": ["Bananos frescos"]}),
    "tiles": (["690721", "690722"], (20000.0, 26000.0), (8000, 22000), {
        "en": ["Ceramic tiles", "Porcelain tiles"], "tr": ["Seramik karo"]}),
    "furniture": (["940360", "940161", "940171"], (6000.0, 14000.0), (9000, 40000), {
        "en": ["Furniture", "Upholstered chairs", "Wooden furniture"], "tr": ["Mobilya"]}),
    "textile_bulk": (["6109", "6203", "6204", "6110"], (2000.0, 12000.0), (15000, 90000), {
        "en": ["Ready-made garments", "Knitted garments", "Textile goods"], "tr": ["Hazır giyim", "Tekstil ürünleri"]}),
    "fruit_veg": (["070200", "070960", "080810"], (8000.0, 20000.0), (4000, 15000), {
        "en": ["Fresh tomatoes", "Peppers", "Apples"], "sq": ["Domate të freskëta"], "mk": ["Пиперки"]}),
    "pharma_bulk": (["300490", "300220"], (50.0, 400.0), (2000, 40000), {
        "en": ["Pharmaceutical products", "Medicaments", "Vaccines (cold chain)"]}),
    "cigarette_legal": (["240220"], (0.2, 1.2), (20, 80), {"en": ["Cigarettes (personal)"]}),
    "perfume": (["330300"], (0.2, 0.8), (20, 120), {"en": ["Perfume", "Eau de parfum"], "tr": ["Parfüm"]}),
}

# Words an officer or a sloppy sender lets slip, by what is really inside.
GIVEAWAYS = {
    "firearm": ["gun parts", "rifle parts", "delovi za pušku", "делови за пушка", "Gewehrteile", "M70 delovi",
                "kundak i cev", "dijelovi puške", "pjesë pushke", "hunting rifle (dismantled)", "pištolj"],
    "firearm_part": ["barrel 9mm", "slide", "trigger group", "cev za pištolj", "Lauf 9x19", "magazine 15rd",
                     "bolt carrier", "solvent trap kit", "fuel filter kit 1/2x28", "recoil spring kit", "цевка",
                     "okvir za pištolj", "upper receiver"],
    "converted_weapon": ["blank pistol", "alarm pistol", "starter pistol 9mm PAK", "Schreckschusspistole",
                         "gas pistol", "plinski pištolj", "startni pištolj", "tabanca (kurusıkı)", "signal pistol",
                         "стартен пиштол"],
    "ammunition": ["cartridges", "9x19 FMJ", "metci", "municija", "municion", "fishekë", "Patronen", "мунициja",
                   "7.62x39"],
    "explosive": ["M75", "grenade souvenir", "detonator", "plastic explosive", "TNT", "bomba"],
    "drugs": ["CBD flowers", "hemp", "kush", "marihuana", "skunk", "pills 200", "crystal", "bath salts", "MDMA"],
    "cash": ["cash", "money", "pare", "para", "Bargeld", "para nakit"],
}

# What contraband usually travels as (catalogue keys), by the goods actually inside.
COVERS = {
    "firearm": ["car_parts", "tools", "spare_parts", "sporting", "clothes", "food_home", "fishing", "bearings"],
    "firearm_part": ["car_parts", "tools", "spare_parts", "sporting", "fishing", "toys", "phone_accessories",
                     "bearings", "home_goods"],
    "converted_weapon": ["toys", "sporting", "tools", "clothes", "spare_parts", "home_goods", "christmas"],
    "ammunition": ["food_home", "tools", "spare_parts", "car_parts", "sweets_coffee", "detergent", "fishing"],
    "explosive": ["handicrafts", "collectibles", "spare_parts", "food_home", "tools"],
    "drugs": ["clothes", "tea_herbs", "cosmetics", "food_home", "coffee_beans", "handicrafts", "books",
              "sweets_coffee", "shoes", "documents", "medicines"],
    "cash": ["documents", "clothes", "books", "food_home", "electronics_small"],
    "cigarettes": ["clothes", "food_home", "sweets_coffee", "home_goods", "detergent"],
    "counterfeit": ["clothes", "shoes", "bags", "perfume", "cosmetics"],
    "other": ["toys", "christmas", "home_goods"],
}

# Real density of contraband by goods: kg for one unit of what is found.
UNIT_KG = {"firearm": (2.5, 4.5), "firearm_part": (0.15, 1.2), "converted_weapon": (0.7, 1.1),
           "ammunition": (0.9, 1.3), "explosive": (0.5, 2.0), "drugs": (0.5, 3.0), "cash": (0.2, 1.5),
           "cigarettes": (0.22, 0.28), "counterfeit": (0.5, 5.0), "other": (1.0, 8.0)}


def describe(rng: random.Random, key: str, languages: list[str]) -> str:
    """A description of a catalogue good in one of the given languages (Serbian sometimes in Cyrillic)."""
    descs = CATALOGUE[key][3]
    options = [lang for lang in languages if lang in descs] or list(descs)
    lang = rng.choice(options)
    text = rng.choice(descs[lang])
    if lang == "sr" and rng.random() < 0.15:
        text = people.lat_to_cyr(text)
    if lang == "mk" and rng.random() < 0.3:
        text = people.cyr_to_lat(text)
    return text


def item(rng: random.Random, key: str, languages: list[str], *, qty: int | None = None,
         origin: str | None = None, hs_rate: float = 0.7) -> dict:
    """One item line of a catalogue good, with realistic unit weight and value (EUR)."""
    hs, (wlo, whi), (vlo, vhi), descs = CATALOGUE[key]
    qty = qty or (1 if whi > 50 else rng.choice([1, 1, 1, 2]) if whi > 2 else rng.choice([1, 1, 1, 2, 2, 3, 4, 6]))
    unit_w = rng.uniform(wlo, whi)
    unit_v = rng.uniform(vlo, vhi)
    line = {"description": describe(rng, key, languages)}
    if rng.random() < hs_rate:
        english = descs.get("en", [])
        # an English description usually comes with its own code; other languages with any of the good's
        code = hs[english.index(line["description"]) % len(hs)] if line["description"] in english \
            and rng.random() < 0.85 else rng.choice(hs)
        if len(code) == 6 and rng.random() < 0.25:
            code += rng.choice(["00", "10", "90", "0000", "9000"])
        line["hs_code"] = code
    line["quantity"] = qty
    line["_kg"] = round(unit_w * qty, 3)
    line["_eur"] = round(unit_v * qty, 2)
    if origin:
        line["origin_country"] = origin
    line["_key"] = key
    return line
