"""The region as this generator sees it: names, places, phones, scripts, reporters and goods.

Written from general knowledge of South Eastern Europe and its diaspora only; nothing here comes
from the platform or from the other generators. generate.py draws traffic from these tables.
"""

from __future__ import annotations

import random
import unicodedata

# ---------------------------------------------------------------------------------------------
# Scripts and transliteration
# ---------------------------------------------------------------------------------------------

# Serbian Latin (Gaj) to Cyrillic (Vuk): digraphs first.
_SR_DIGRAPHS = {"Lj": "Љ", "LJ": "Љ", "lj": "љ", "Nj": "Њ", "NJ": "Њ", "nj": "њ", "Dž": "Џ", "DŽ": "Џ", "dž": "џ"}
_SR_LETTERS = dict(zip("ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠabvgdđežzijklmnoprstćufhcčš",
                       "АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШабвгдђежзијклмнопрстћуфхцчш"))


def sr_latin_to_cyrillic(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair in _SR_DIGRAPHS:
            out.append(_SR_DIGRAPHS[pair])
            i += 2
        else:
            out.append(_SR_LETTERS.get(text[i], text[i]))
            i += 1
    return "".join(out)


# Cyrillic letter -> list of Latin renderings; the first is the official one of that language.
_CYR_SR = {"а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "ђ": ["đ", "dj", "d", "dz"],
           "е": ["e"], "ж": ["ž", "z", "zh"], "з": ["z"], "и": ["i"], "ј": ["j", "y", "i"], "к": ["k"],
           "л": ["l"], "љ": ["lj", "ly"], "м": ["m"], "н": ["n"], "њ": ["nj", "ny", "n"], "о": ["o"],
           "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"], "ћ": ["ć", "c", "ch", "tj"], "у": ["u"],
           "ф": ["f"], "х": ["h", "kh"], "ц": ["c", "ts", "tz"], "ч": ["č", "c", "ch", "tsch"],
           "џ": ["dž", "dz", "dzh", "j"], "ш": ["š", "s", "sh", "sch"]}
_CYR_MK = dict(_CYR_SR)
_CYR_MK.update({"ѓ": ["gj", "ǵ", "g", "dj"], "ќ": ["kj", "ḱ", "k", "c", "ch"], "ѕ": ["dz", "z"],
                "ж": ["zh", "ž", "z"], "ч": ["ch", "č", "c"], "ш": ["sh", "š", "s"], "џ": ["dj", "dž", "dz", "xh"],
                "ц": ["c", "ts", "tz"]})
_CYR_BG = {"а": ["a"], "б": ["b"], "в": ["v", "w"], "г": ["g"], "д": ["d"], "е": ["e"], "ж": ["zh", "j", "z"],
           "з": ["z"], "и": ["i"], "й": ["y", "i", "j"], "к": ["k"], "л": ["l"], "м": ["m"], "н": ["n"],
           "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"], "у": ["u"], "ф": ["f"],
           "х": ["h", "kh"], "ц": ["ts", "c", "tz"], "ч": ["ch", "c", "tch"], "ш": ["sh", "s"],
           "щ": ["sht", "st", "sch"], "ъ": ["a", "u", "y"], "ь": ["y", ""], "ю": ["yu", "iu", "ju"],
           "я": ["ya", "ia", "ja"]}
TRANSLIT = {"sr": _CYR_SR, "mk": _CYR_MK, "bg": _CYR_BG}


def to_latin(text: str, lang: str, style: int = 0, rng: random.Random | None = None) -> str:
    """Cyrillic -> Latin. style 0 = official; style 1 = plain ASCII of the official; style 2 = a
    random mix of the variants people actually type (per letter, so one name can mix systems)."""
    table = TRANSLIT[lang]
    out = []
    for ch in text:
        low = ch.lower()
        if low not in table:
            out.append(ch)
            continue
        options = table[low]
        if style == 2 and rng is not None and len(options) > 1 and rng.random() < 0.6:
            piece = rng.choice(options[1:])
        else:
            piece = options[0]
        if style == 1:
            piece = strip_diacritics(piece)
        if ch != low and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
    return "".join(out)


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "dj").replace("Đ", "Dj").replace("ß", "ss").replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# ---------------------------------------------------------------------------------------------
# People. Each nationality: language of the name, script it is written in at home, names.
# Serbian/Bosnian/Croatian/Montenegrin names are stored in Gaj Latin; Macedonian and Bulgarian in
# Cyrillic; Albanian, Greek (already romanised), Turkish and the rest in Latin.
# ---------------------------------------------------------------------------------------------

NAMES = {
    "sr": {"m": "Marko Nikola Stefan Milan Dragan Zoran Nenad Dejan Aleksandar Miloš Vladimir Goran Ivan Dušan "
                "Jovan Slobodan Bojan Srđan Željko Predrag Miroslav Dragoljub Vukašin Uroš Lazar Đorđe Radovan",
           "f": "Jelena Milica Ana Marija Ivana Snežana Dragana Jovana Tijana Maja Gordana Vesna Biljana Nataša "
                "Ljiljana Danijela Svetlana Mirjana Katarina Slađana",
           "s": "Petrović Jovanović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović Milošević Popović "
                "Živković Kostić Tomić Savić Lazić Radovanović Vasić Đukić Mitrović Šarić Lukić Todorović Simić "
                "Obradović Filipović Ristić Đurić Živanović Kovačević Cvetković Janković Mladenović Vučković "
                "Jakovljević Marjanović Ćirić Nedeljković Šćepanović Matić Dimitrijević Bogdanović"},
    "bs": {"m": "Amir Emir Adnan Haris Kenan Mirza Edin Senad Almir Nermin Tarik Damir Elvis Mehmed Jasmin Dženan",
           "f": "Amra Lejla Selma Emina Aida Amela Merima Dženana Azra Medina",
           "s": "Hodžić Hadžić Begić Mehmedović Delić Husić Omerović Hasanović Selimović Mujić Ibrahimović Alić "
                "Salihović Karić Softić Čaušević Bećirović Hrustić Muratović Kurtović Džafić"},
    "hr": {"m": "Ivan Josip Tomislav Ante Mario Krešimir Luka Matej Davor Zvonimir Stjepan",
           "f": "Ana Marija Ivana Petra Kristina Martina Lucija",
           "s": "Horvat Kovačić Babić Marić Jurić Novak Knežević Vuković Perić Pavić Tomić Grgić Matijević Šimić"},
    "me": {"m": "Milo Vuk Nikola Predrag Radomir Veselin Darko Vladimir Budimir",
           "f": "Milena Jelena Danka Sanja Vesna",
           "s": "Vuković Vujović Radulović Bulatović Popović Lakić Šćekić Ivanović Đurović Raičević Bojović"},
    "mk": {"m": "Александар Никола Стефан Горан Зоран Дејан Игор Благоја Ѓорѓи Љупчо Тони Филип Мартин Кире "
                "Владимир Бојан Драган Трајче Томислав Ѓоко Миле Ацо Васко",
           "f": "Марија Елена Ана Билјана Снежана Весна Катерина Ивана Сашка Јасмина Ѓурѓица Методија",
           "s": "Стојановски Петровски Николовски Трајковски Јовановски Ангеловски Димитровски Георгиевски "
                "Илиевски Ристовски Спасовски Симоновски Костовски Велјановски Митревски Најдовски Ѓорѓиевски "
                "Атанасовски Наумовски Талевски Крстевски Блажевски Ќосевски Џамбазовски Ќурчиски Шекеринов"},
    "bg": {"m": "Георги Иван Димитър Николай Петър Христо Стоян Тодор Васил Пламен Красимир Любомир Ивайло "
                "Цветан Йордан Живко Валентин Борислав",
           "f": "Мария Иванка Елена Йорданка Петя Десислава Цветелина Радостина Гергана Виктория Жана",
           "s": "Иванов Георгиев Димитров Петров Николов Христов Стоянов Тодоров Илиев Ангелов Атанасов Василев "
                "Колев Маринов Цветков Попов Йорданов Стефанов Костадинов Пеев Щерев Жеков Чолаков Гълъбов"},
    "sq": {"m": "Arben Bekim Driton Fatmir Ilir Agron Besnik Blerim Valon Adem Shpend Flamur Artan Gëzim Ermal "
                "Arjan Dritan Kujtim Xhevdet Lulzim",
           "f": "Arta Blerta Drita Elira Fjolla Leonora Shqipe Vjosa Mimoza Teuta",
           "s": "Hoxha Krasniqi Berisha Gashi Morina Shala Bytyqi Kelmendi Rexhepi Ismaili Ademi Selimi Zeqiri "
                "Aliu Memeti Sulejmani Jashari Idrizi Rama Xhaferi Çela Dervishi Leka Hysa Muça Zeneli"},
    "el": {"m": "Georgios Dimitrios Konstantinos Ioannis Nikolaos Panagiotis Vasileios Christos Athanasios",
           "f": "Maria Eleni Aikaterini Vasiliki Sofia Despoina",
           "s": "Papadopoulos Papadakis Georgiou Nikolaidis Konstantinidis Dimitriou Karagiannis Vlachos Pappas "
                "Oikonomou Christodoulou Alexiou Makris"},
    "tr": {"m": "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Emre Burak Serkan Kemal",
           "f": "Ayşe Fatma Emine Hatice Zeynep Elif Merve Gülsüm",
           "s": "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
                "Çetin Kara Koç Kurt Özkan Şimşek Güneş"},
    "de": {"m": "Thomas Michael Andreas Stefan Christian Markus Daniel Sebastian Jan Tobias Jürgen Uwe",
           "f": "Sabine Petra Julia Anna Katrin Nicole Birgit",
           "s": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein "
                "Wolf Schröder Neumann Gruber Huber Bauer Pichler Steiner Moser Hofer Brunner Keller Baumann"},
    "sv": {"m": "Erik Lars Anders Johan Karl Per Mikael", "f": "Anna Eva Karin Sara Emma",
           "s": "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson"},
    "nl": {"m": "Jan Pieter Kees Willem Daan Bram Ruud", "f": "Sanne Lotte Anouk Femke",
           "s": "de Jong Jansen de Vries van den Berg van Dijk Bakker Janssen Visser Smit Meijer"},
    "en": {"m": "John Michael David James Robert William Kevin Brian", "f": "Mary Jennifer Linda Susan Emily",
           "s": "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thompson Moore"},
    "pl": {"m": "Piotr Krzysztof Tomasz Paweł Marcin", "f": "Anna Katarzyna Agnieszka",
           "s": "Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński"},
}
for _lang in NAMES:
    for _k in ("m", "f", "s"):
        NAMES[_lang][_k] = NAMES[_lang][_k].split()
# two-word Dutch surnames were split by the line above: rebuild them
NAMES["nl"]["s"] = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
                    "Smit", "Meijer"]

# Which name pools live in which country (weights).
POPULATION = {
    "RS": [("sr", 88), ("bs", 5), ("hr", 3), ("sq", 2), ("mk", 2)],
    "MK": [("mk", 70), ("sq", 26), ("tr", 2), ("sr", 2)],
    "BA": [("bs", 50), ("sr", 32), ("hr", 18)],
    "ME": [("me", 70), ("sr", 15), ("bs", 8), ("sq", 7)],
    "AL": [("sq", 100)], "XK": [("sq", 92), ("sr", 5), ("bs", 3)],
    "BG": [("bg", 90), ("tr", 10)], "HR": [("hr", 92), ("sr", 5), ("bs", 3)],
    "GR": [("el", 90), ("sq", 10)], "TR": [("tr", 95), ("bs", 3), ("sq", 2)],
    # diaspora: a good share of everyone sending to and from the region from these countries
    "DE": [("de", 40), ("sr", 14), ("bs", 10), ("hr", 10), ("sq", 10), ("mk", 5), ("tr", 8), ("bg", 3)],
    "AT": [("de", 40), ("sr", 18), ("bs", 14), ("hr", 10), ("sq", 8), ("tr", 6), ("mk", 4)],
    "CH": [("de", 40), ("sq", 25), ("sr", 12), ("mk", 8), ("bs", 8), ("hr", 7)],
    "SE": [("sv", 45), ("bs", 20), ("sr", 12), ("sq", 10), ("hr", 8), ("mk", 5)],
    "NL": [("nl", 55), ("tr", 15), ("bs", 10), ("sr", 8), ("sq", 7), ("bg", 5)],
    "BE": [("nl", 50), ("sq", 20), ("tr", 15), ("sr", 15)], "FR": [("en", 40), ("sr", 30), ("sq", 30)],
    "IT": [("en", 30), ("sq", 50), ("mk", 10), ("sr", 10)], "DK": [("sv", 60), ("bs", 20), ("sr", 20)],
    "US": [("en", 85), ("sr", 6), ("sq", 5), ("mk", 4)], "GB": [("en", 90), ("sq", 10)],
    "PL": [("pl", 100)], "CZ": [("pl", 60), ("en", 40)], "SK": [("pl", 60), ("en", 40)],
    "SI": [("hr", 60), ("sr", 20), ("bs", 20)], "HU": [("en", 50), ("sr", 50)],
}

# Languages written natively in Cyrillic (Serbian is both; Montenegro and Bosnia's RS use both).
CYRILLIC_NATIVE = {"mk", "bg"}


# ---------------------------------------------------------------------------------------------
# Places: city, postcode pattern, streets (native form), zone, currency, phone prefix.
# ---------------------------------------------------------------------------------------------

COUNTRIES = {
    "RS": {"zone": "Europe/Belgrade", "cur": "RSD", "phone": ("381", ["60", "61", "62", "63", "64", "65", "66", "69"], 7),
           "cities": [("Beograd", "11000"), ("Beograd", "11070"), ("Beograd", "11090"), ("Novi Sad", "21000"),
                      ("Niš", "18000"), ("Kragujevac", "34000"), ("Subotica", "24000"), ("Čačak", "32000"),
                      ("Kraljevo", "36000"), ("Novi Pazar", "36300"), ("Šabac", "15000"), ("Smederevo", "11300"),
                      ("Leskovac", "16000"), ("Vranje", "17500"), ("Zrenjanin", "23000")],
           "streets": ["Bulevar kralja Aleksandra", "Nemanjina", "Cara Dušana", "Kneza Miloša", "Vojvode Stepe",
                       "Bulevar oslobođenja", "Njegoševa", "Takovska", "Jovana Cvijića", "Cvijićeva", "Vuka Karadžića",
                       "Žarka Zrenjanina", "Kralja Petra I", "Svetog Save", "Omladinskih brigada"]},
    "MK": {"zone": "Europe/Skopje", "cur": "MKD", "phone": ("389", ["70", "71", "72", "75", "76", "77", "78"], 6),
           "cities": [("Скопје", "1000"), ("Битола", "7000"), ("Куманово", "1300"), ("Тетово", "1200"),
                      ("Прилеп", "7500"), ("Охрид", "6000"), ("Штип", "2000"), ("Гостивар", "1230"),
                      ("Велес", "1400"), ("Струмица", "2400"), ("Кавадарци", "1430")],
           "streets": ["ул. Македонија", "бул. Партизански одреди", "бул. Илинден", "ул. Гоце Делчев",
                       "ул. Димитрие Чуповски", "бул. Јане Сандански", "ул. Маршал Тито", "ул. 11 Октомври",
                       "ул. Орце Николов", "бул. Кочо Рацин", "ул. Васил Главинов"]},
    "BA": {"zone": "Europe/Sarajevo", "cur": "BAM", "phone": ("387", ["61", "62", "63", "65", "66"], 6),
           "cities": [("Sarajevo", "71000"), ("Banja Luka", "78000"), ("Tuzla", "75000"), ("Zenica", "72000"),
                      ("Mostar", "88000"), ("Bihać", "77000"), ("Bijeljina", "76300"), ("Doboj", "74000"),
                      ("Brčko", "76100"), ("Cazin", "77220")],
           "streets": ["Maršala Tita", "Zmaja od Bosne", "Ferhadija", "Titova", "Kralja Petra I Karađorđevića",
                       "Bulevar Meše Selimovića", "Alipašina", "Hamdije Kreševljakovića", "Bosanska", "Sarajevska"]},
    "ME": {"zone": "Europe/Podgorica", "cur": "EUR", "phone": ("382", ["67", "68", "69"], 6),
           "cities": [("Podgorica", "81000"), ("Nikšić", "81400"), ("Bar", "85000"), ("Budva", "85310"),
                      ("Pljevlja", "84210"), ("Bijelo Polje", "84000"), ("Herceg Novi", "85340")],
           "streets": ["Bulevar Svetog Petra Cetinjskog", "Njegoševa", "Hercegovačka", "Slobode", "Jovana Tomaševića",
                       "Bulevar Džordža Vašingtona", "Vaka Đurovića"]},
    "AL": {"zone": "Europe/Tirane", "cur": "ALL", "phone": ("355", ["67", "68", "69"], 7),
           "cities": [("Tiranë", "1001"), ("Tiranë", "1019"), ("Durrës", "2001"), ("Shkodër", "4001"),
                      ("Elbasan", "3001"), ("Vlorë", "9401"), ("Fier", "9301"), ("Korçë", "7001"), ("Lushnjë", "9001")],
           "streets": ["Rruga e Durrësit", "Rruga Myslym Shyri", "Bulevardi Zogu I", "Rruga e Kavajës",
                       "Rruga Sami Frashëri", "Rruga Ismail Qemali", "Rruga Ali Demi", "Rruga Dibrës"]},
    "XK": {"zone": "Europe/Belgrade", "cur": "EUR", "phone": ("383", ["43", "44", "45", "48", "49"], 6),
           "cities": [("Prishtinë", "10000"), ("Prizren", "20000"), ("Pejë", "30000"), ("Mitrovicë", "40000"),
                      ("Gjakovë", "50000"), ("Ferizaj", "70000"), ("Gjilan", "60000")],
           "streets": ["Rruga Nëna Terezë", "Rruga Agim Ramadani", "Rruga Fehmi Agani", "Bulevardi Bill Klinton",
                       "Rruga Luan Haradinaj", "Rruga Adem Jashari", "Rruga Skënderbeu"]},
    "BG": {"zone": "Europe/Sofia", "cur": "EUR", "phone": ("359", ["87", "88", "89", "98"], 7),
           "cities": [("София", "1000"), ("София", "1407"), ("София", "1700"), ("Пловдив", "4000"),
                      ("Варна", "9000"), ("Бургас", "8000"), ("Русе", "7000"), ("Стара Загора", "6000"),
                      ("Плевен", "5800"), ("Благоевград", "2700"), ("Кюстендил", "2500"), ("Хасково", "6300")],
           "streets": ["ул. Граф Игнатиев", "бул. Витоша", "бул. Цариградско шосе", "ул. Раковски",
                       "бул. България", "ул. Шипка", "бул. Княгиня Мария Луиза", "ул. Оборище", "бул. Христо Ботев"]},
    "HR": {"zone": "Europe/Zagreb", "cur": "EUR", "phone": ("385", ["91", "92", "95", "97", "98", "99"], 7),
           "cities": [("Zagreb", "10000"), ("Split", "21000"), ("Rijeka", "51000"), ("Osijek", "31000"),
                      ("Zadar", "23000"), ("Slavonski Brod", "35000")],
           "streets": ["Ilica", "Vukovarska", "Savska cesta", "Ulica kralja Zvonimira", "Domovinskog rata"]},
    "GR": {"zone": "Europe/Athens", "cur": "EUR", "phone": ("30", ["690", "693", "694", "697", "698", "699"], 7),
           "cities": [("Athina", "10431"), ("Thessaloniki", "54621"), ("Thessaloniki", "54630"), ("Patra", "26221"),
                      ("Larisa", "41222"), ("Ioannina", "45221"), ("Kavala", "65302")],
           "streets": ["Egnatia", "Tsimiski", "Patision", "Akadimias", "Ermou", "Vasilissis Olgas"]},
    "TR": {"zone": "Europe/Istanbul", "cur": "TRY", "phone": ("90", ["530", "532", "533", "535", "541", "542", "555"], 7),
           "cities": [("İstanbul", "34000"), ("İstanbul", "34500"), ("Ankara", "06000"), ("İzmir", "35000"),
                      ("Bursa", "16000"), ("Edirne", "22000"), ("Konya", "42000"), ("Gaziantep", "27000")],
           "streets": ["Atatürk Cad.", "İstiklal Cad.", "Cumhuriyet Mah.", "Fevzi Çakmak Cad.", "Gazi Bulvarı",
                       "Mimar Sinan Sok.", "Bağdat Cad."]},
    "DE": {"zone": "Europe/Berlin", "cur": "EUR", "phone": ("49", ["151", "152", "157", "160", "170", "171", "176"], 8),
           "cities": [("Berlin", "10115"), ("Berlin", "12043"), ("München", "80331"), ("München", "81671"),
                      ("Stuttgart", "70173"), ("Frankfurt am Main", "60311"), ("Köln", "50667"), ("Hamburg", "20095"),
                      ("Düsseldorf", "40210"), ("Nürnberg", "90402"), ("Dortmund", "44135"), ("Offenbach", "63065"),
                      ("Augsburg", "86150"), ("Ulm", "89073")],
           "streets": ["Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße", "Lindenstraße",
                       "Berliner Straße", "Kaiserstraße", "Friedrichstraße", "Landsberger Allee", "Sonnenallee"]},
    "AT": {"zone": "Europe/Vienna", "cur": "EUR", "phone": ("43", ["650", "660", "664", "676", "699"], 7),
           "cities": [("Wien", "1100"), ("Wien", "1160"), ("Wien", "1210"), ("Graz", "8020"), ("Linz", "4020"),
                      ("Salzburg", "5020"), ("Innsbruck", "6020")],
           "streets": ["Favoritenstraße", "Ottakringer Straße", "Brünner Straße", "Landstraßer Hauptstraße",
                       "Mariahilfer Straße", "Triester Straße"]},
    "CH": {"zone": "Europe/Zurich", "cur": "CHF", "phone": ("41", ["76", "77", "78", "79"], 7),
           "cities": [("Zürich", "8004"), ("Zürich", "8050"), ("Basel", "4057"), ("Bern", "3008"), ("Luzern", "6003"),
                      ("St. Gallen", "9000"), ("Winterthur", "8400")],
           "streets": ["Bahnhofstrasse", "Badenerstrasse", "Langstrasse", "Hauptstrasse", "Dorfstrasse"]},
    "SE": {"zone": "Europe/Stockholm", "cur": "SEK", "phone": ("46", ["70", "72", "73", "76"], 7),
           "cities": [("Stockholm", "118 20"), ("Göteborg", "415 05"), ("Malmö", "214 21"), ("Södertälje", "151 32"),
                      ("Uppsala", "753 20")],
           "streets": ["Drottninggatan", "Storgatan", "Kungsgatan", "Rosengårdsvägen"]},
    "NL": {"zone": "Europe/Amsterdam", "cur": "EUR", "phone": ("31", ["6"], 8),
           "cities": [("Amsterdam", "1012 AB"), ("Rotterdam", "3011 AD"), ("Den Haag", "2511 CV"), ("Utrecht", "3511 LK"),
                      ("Eindhoven", "5611 AB")],
           "streets": ["Kalverstraat", "Damrak", "Coolsingel", "Stationsweg", "Kerkstraat"]},
    "BE": {"zone": "Europe/Brussels", "cur": "EUR", "phone": ("32", ["470", "475", "486", "496"], 6),
           "cities": [("Bruxelles", "1000"), ("Antwerpen", "2000"), ("Liège", "4000")],
           "streets": ["Rue Neuve", "Meir", "Chaussée de Gand"]},
    "FR": {"zone": "Europe/Paris", "cur": "EUR", "phone": ("33", ["6", "7"], 8),
           "cities": [("Paris", "75018"), ("Lyon", "69003"), ("Marseille", "13001"), ("Strasbourg", "67000")],
           "streets": ["Rue de la République", "Avenue Jean Jaurès", "Boulevard Voltaire"]},
    "IT": {"zone": "Europe/Rome", "cur": "EUR", "phone": ("39", ["320", "333", "347", "349"], 7),
           "cities": [("Milano", "20121"), ("Bari", "70121"), ("Torino", "10121"), ("Brescia", "25121")],
           "streets": ["Via Roma", "Corso Garibaldi", "Via Milano"]},
    "DK": {"zone": "Europe/Copenhagen", "cur": "DKK", "phone": ("45", ["20", "30", "40"], 6),
           "cities": [("København", "2200"), ("Odense", "5000")], "streets": ["Nørrebrogade", "Vesterbrogade"]},
    "SI": {"zone": "Europe/Ljubljana", "cur": "EUR", "phone": ("386", ["31", "40", "41", "51"], 6),
           "cities": [("Ljubljana", "1000"), ("Maribor", "2000")], "streets": ["Slovenska cesta", "Celovška cesta"]},
    "HU": {"zone": "Europe/Budapest", "cur": "HUF", "phone": ("36", ["20", "30", "70"], 7),
           "cities": [("Budapest", "1051"), ("Szeged", "6720")], "streets": ["Andrássy út", "Kossuth Lajos utca"]},
    "PL": {"zone": "Europe/Warsaw", "cur": "PLN", "phone": ("48", ["50", "51", "60", "69"], 7),
           "cities": [("Warszawa", "00-001"), ("Kraków", "30-001"), ("Łódź", "90-001")],
           "streets": ["ul. Marszałkowska", "ul. Długa", "ul. Piotrkowska"]},
    "CZ": {"zone": "Europe/Prague", "cur": "CZK", "phone": ("420", ["60", "72", "77"], 7),
           "cities": [("Praha", "110 00"), ("Brno", "602 00"), ("Ostrava", "702 00"), ("Uherský Brod", "688 01")],
           "streets": ["Vinohradská", "Masarykova", "Nádražní"]},
    "SK": {"zone": "Europe/Bratislava", "cur": "EUR", "phone": ("421", ["90", "91", "94"], 7),
           "cities": [("Bratislava", "811 01"), ("Košice", "040 01"), ("Nitra", "949 01")],
           "streets": ["Obchodná", "Hlavná", "Štúrova"]},
    "GB": {"zone": "Europe/London", "cur": "GBP", "phone": ("44", ["7700", "7911", "7400"], 6),
           "cities": [("London", "E1 6AN"), ("Birmingham", "B1 1AA"), ("Manchester", "M1 1AE")],
           "streets": ["High Street", "Station Road", "Church Lane"]},
    "US": {"zone": "America/New_York", "cur": "USD", "phone": ("1", ["212", "305", "412", "602", "713", "813"], 7),
           "cities": [("Phoenix, AZ", "85004"), ("Houston, TX", "77002"), ("Tampa, FL", "33602"),
                      ("Pittsburgh, PA", "15222"), ("Chicago, IL", "60601"), ("Atlanta, GA", "30303")],
           "streets": ["Main St", "Industrial Pkwy", "Commerce Dr", "Oak Ave", "Route 9"]},
    "CN": {"zone": "Asia/Shanghai", "cur": "USD", "phone": ("86", ["135", "138", "150", "186", "189"], 8),
           "cities": [("Shenzhen", "518000"), ("Yiwu", "322000"), ("Guangzhou", "510000"), ("Ningbo", "315000"),
                      ("Dongguan", "523000")],
           "streets": ["Bantian Industrial Park", "Futian Road", "Chouzhou North Rd", "Huangpu Ave"]},
    "EC": {"zone": "America/Guayaquil", "cur": "USD", "phone": ("593", ["98", "99"], 7),
           "cities": [("Guayaquil", "090101"), ("Machala", "070101")], "streets": ["Av. 9 de Octubre", "Av. Las Américas"]},
    "CO": {"zone": "America/Bogota", "cur": "USD", "phone": ("57", ["300", "310", "315"], 7),
           "cities": [("Bogotá", "110111"), ("Medellín", "050001"), ("Cartagena", "130001")],
           "streets": ["Calle 26", "Carrera 7"]},
    "BR": {"zone": "America/Sao_Paulo", "cur": "USD", "phone": ("55", ["11", "21"], 9),
           "cities": [("São Paulo", "01000-000"), ("Santos", "11010-000")], "streets": ["Rua Augusta", "Av. Paulista"]},
    "ES": {"zone": "Europe/Madrid", "cur": "EUR", "phone": ("34", ["6"], 8),
           "cities": [("Valencia", "46001"), ("Algeciras", "11201"), ("Madrid", "28001")],
           "streets": ["Calle Mayor", "Avenida del Puerto"]},
    "EG": {"zone": "Africa/Cairo", "cur": "USD", "phone": ("20", ["10", "11", "12"], 8),
           "cities": [("Alexandria", "21500"), ("Port Said", "42511")], "streets": ["Tahrir Street", "El Horreya Road"]},
    "AE": {"zone": "Asia/Dubai", "cur": "AED", "phone": ("971", ["50", "55"], 7),
           "cities": [("Dubai", "00000")], "streets": ["Sheikh Zayed Road", "Al Maktoum Road"]},
    "IN": {"zone": "Asia/Kolkata", "cur": "USD", "phone": ("91", ["98", "99"], 8),
           "cities": [("Mumbai", "400001"), ("Hyderabad", "500001")], "streets": ["MIDC Industrial Area", "Andheri East"]},
}

REGION = ["RS", "MK", "BA", "ME", "AL", "XK", "BG", "HR", "GR", "TR"]
DIASPORA = ["DE", "AT", "CH", "SE", "NL", "BE", "FR", "IT", "DK"]
# Countries whose native street and city names are Cyrillic at home.
CYRILLIC_PLACES = {"MK", "BG"}

# What locals call a parcel locker, a P.O. box and a courier office (native form).
LOCKERS = {
    "DE": ["Packstation {n}", "DHL Packstation {n}", "Paketshop {n}"], "AT": ["Post Abholstation {n}", "Paketbox {n}"],
    "CH": ["My Post 24 Automat {n}", "Pick Post {n}"], "SE": ["Paketskåp {n}", "Paketombud {n}"],
    "NL": ["Pakketautomaat {n}"], "BG": ["Еконт офис {n}", "Спиди автомат {n}", "Еконт Експрес автомат {n}"],
    "RS": ["Paketomat {n}", "Post Express paketomat {n}", "Paketomat BrzaPošta {n}"], "MK": ["Пакетомат {n}"],
    "BA": ["Paketomat {n}"], "HR": ["Paketomat {n}", "Box Now {n}"], "GR": ["Box Now {n}", "ACS Smartpoint {n}"],
    "AL": ["Pikë marrje {n}"], "XK": ["Pikë marrje {n}"], "ME": ["Paketomat {n}"], "TR": ["Kargo Teslim Noktası {n}"],
}
POBOXES = {"RS": "Poštanski fah {n}", "BA": "Poštanski pretinac {n}", "HR": "Poštanski pretinac {n}",
           "MK": "П. фах {n}", "BG": "П.К. {n}", "AL": "Kutia Postare {n}", "XK": "Kutia Postare {n}",
           "DE": "Postfach {n}", "AT": "Postfach {n}", "CH": "Postfach {n}", "SE": "Box {n}", "NL": "Postbus {n}",
           "TR": "P.K. {n}", "GR": "T.Th. {n}", "ME": "Poštanski fah {n}"}

MAIL_DOMAINS = {"RS": ["gmail.com", "yahoo.com", "hotmail.com", "mts.rs", "eunet.rs", "sbb.rs"],
                "MK": ["gmail.com", "yahoo.com", "t-home.mk", "hotmail.com"], "BA": ["gmail.com", "hotmail.com", "bih.net.ba"],
                "BG": ["abv.bg", "mail.bg", "gmail.com", "dir.bg"], "AL": ["gmail.com", "yahoo.com", "hotmail.com"],
                "XK": ["gmail.com", "hotmail.com"], "DE": ["gmx.de", "web.de", "t-online.de", "gmail.com"],
                "AT": ["gmx.at", "aon.at", "gmail.com"], "CH": ["bluewin.ch", "gmx.ch", "gmail.com"],
                "TR": ["gmail.com", "hotmail.com", "yandex.com.tr"], "*": ["gmail.com", "outlook.com", "hotmail.com", "yahoo.com"]}

ORG_SUFFIX = {"RS": ["d.o.o.", "doo", "DOO", "d.o.o. Beograd", "PR"], "MK": ["ДООЕЛ", "ДОО", "DOOEL", "ДООЕЛ увоз-извоз"],
              "BA": ["d.o.o.", "d.o.o. Sarajevo"], "ME": ["d.o.o."], "AL": ["sh.p.k.", "SHPK"], "XK": ["sh.p.k.", "L.L.C."],
              "BG": ["ЕООД", "ООД", "EOOD", "АД"], "HR": ["d.o.o.", "j.d.o.o."], "GR": ["A.E.", "I.K.E.", "O.E."],
              "TR": ["Ltd. Şti.", "A.Ş.", "Tic. Ltd. Şti."], "DE": ["GmbH", "GmbH & Co. KG", "e.K."], "AT": ["GmbH", "KG"],
              "CH": ["AG", "GmbH"], "SE": ["AB"], "NL": ["B.V."], "BE": ["BV", "SRL"], "FR": ["SARL", "SAS"],
              "IT": ["S.r.l.", "S.p.A."], "PL": ["Sp. z o.o."], "CZ": ["s.r.o."], "SK": ["s.r.o."], "SI": ["d.o.o."],
              "HU": ["Kft."], "GB": ["Ltd"], "US": ["LLC", "Inc."], "CN": ["Co., Ltd", "Co. Ltd.", "Trading Co., Ltd"],
              "EC": ["S.A.", "Cía. Ltda."], "CO": ["S.A.S."], "BR": ["Ltda."], "AE": ["FZE", "LLC"], "IN": ["Pvt. Ltd."],
              "DK": ["ApS"]}
ORG_WORDS = {"sr": ["Komerc", "Promet", "Impex", "Trade", "Auto Centar", "Metal", "Agro", "Tehnika", "Logistik", "Tekstil",
                    "Export-Import", "Plus", "Group", "Elektro", "Alati"],
             "mk": ["Комерц", "Промет", "Трејд", "Импекс", "Авто Центар", "Метал", "Текстил", "Транс", "Агро", "Експорт-Импорт"],
             "bg": ["Трейд", "Комерс", "Транс", "Груп", "Метал", "Ауто", "Агро", "Логистик", "Инвест", "Текстил"],
             "sq": ["Trade", "Company", "Group", "Import-Export", "Auto", "Metal", "Tekstil", "Kompani"],
             "tr": ["Tekstil", "Otomotiv", "Dış Ticaret", "Metal", "Lojistik", "Kimya", "İnşaat"],
             "de": ["Handel", "Technik", "Logistik", "Autoteile", "Versand", "Metallbau", "Import Export"],
             "en": ["Trading", "Supply", "Parts", "Outdoor", "Tactical Supply", "Distribution", "Industries"],
             "zh": ["Huaxin Electronic Technology", "Jiale Trading", "Mingda Auto Parts", "Xinyuan Hardware",
                    "Hongsheng Toys", "Bestway Outdoor Products", "Kaida Electronics", "Yongkang Tools",
                    "Tianhe Apparel", "Shengda Chemical"]}

# ---------------------------------------------------------------------------------------------
# Reporters. home = the administration that receives the data. kind decides the identifier.
# ---------------------------------------------------------------------------------------------
REPORTERS = [
    # postal operators of the region (ITMATT / CN 23 data of items in and out)
    {"code": "POSTA-RS", "mode": "postal", "home": "RS", "id": "s10", "share": 9},
    {"code": "MKPOST", "mode": "postal", "home": "MK", "id": "s10", "share": 6},
    {"code": "BHPOST", "mode": "postal", "home": "BA", "id": "s10", "share": 5},
    {"code": "POSTA-CG", "mode": "postal", "home": "ME", "id": "s10", "share": 2},
    {"code": "POSTA-AL", "mode": "postal", "home": "AL", "id": "s10", "share": 3},
    {"code": "POSTA-KS", "mode": "postal", "home": "XK", "id": "s10", "share": 2.5},
    {"code": "BGPOST", "mode": "postal", "home": "BG", "id": "s10", "share": 5},
    {"code": "HPOST", "mode": "postal", "home": "HR", "id": "s10", "share": 3},
    {"code": "ELTA-GR", "mode": "postal", "home": "GR", "id": "s10", "share": 2},
    {"code": "PTT-TR", "mode": "postal", "home": "TR", "id": "s10", "share": 2},
    # foreign posts sending advance data for items bound for the region
    {"code": "DPAG-ITMATT", "mode": "postal", "home": None, "origin": "DE", "id": "s10", "share": 4},
    {"code": "POSTAT-ITMATT", "mode": "postal", "home": None, "origin": "AT", "id": "s10", "share": 2},
    {"code": "SWISSPOST-ITMATT", "mode": "postal", "home": None, "origin": "CH", "id": "s10", "share": 1.5},
    # courier and express companies
    {"code": "BRZAPOSTA-RS", "mode": "express", "home": "RS", "id": "mod7_10", "share": 5},
    {"code": "BALKANEX-RS", "mode": "express", "home": "RS", "id": "num12", "share": 3},
    {"code": "CITYEXPRESS-MK", "mode": "express", "home": "MK", "id": "mod7_10", "share": 3},
    {"code": "EXPRESSCO-BA", "mode": "express", "home": "BA", "id": "num12", "share": 2.5},
    {"code": "FASTLINE-BG", "mode": "express", "home": "BG", "id": "luhn11", "share": 4},
    {"code": "SHPEJT-AL", "mode": "express", "home": "AL", "id": "num12", "share": 1.5},
    {"code": "DOREDORE-KS", "mode": "express", "home": "XK", "id": "num12", "share": 1},
    {"code": "HIZLIKARGO-TR", "mode": "express", "home": "TR", "id": "luhn11", "share": 2},
    {"code": "GLOBEX", "mode": "express", "home": None, "id": "mod7_10", "share": 4},
    {"code": "SKYPAK-INTL", "mode": "express", "home": None, "id": "luhn11", "share": 2},
    # air cargo forwarders
    {"code": "SKP-AIRFWD", "mode": "air_cargo", "home": "MK", "id": "awb", "share": 1.2},
    {"code": "BEG-CARGO", "mode": "air_cargo", "home": "RS", "id": "awb", "share": 1.8},
    {"code": "SOF-AIRLOG", "mode": "air_cargo", "home": "BG", "id": "awb", "share": 1.3},
    {"code": "TIA-CARGO", "mode": "air_cargo", "home": "AL", "id": "awb", "share": 0.8},
    {"code": "PRN-AIRFWD", "mode": "air_cargo", "home": "XK", "id": "awb", "share": 0.6},
    {"code": "SJJ-CARGO", "mode": "air_cargo", "home": "BA", "id": "awb", "share": 0.6},
    {"code": "IST-CONSOL", "mode": "air_cargo", "home": "TR", "id": "awb", "share": 1.0},
    # road hauliers' manifests
    {"code": "TIR-MK-LOG", "mode": "road", "home": "MK", "id": "cmr", "share": 1.2},
    {"code": "DRUMSKI-RS", "mode": "road", "home": "RS", "id": "cmr", "share": 1.5},
    {"code": "ROADFRT-BG", "mode": "road", "home": "BG", "id": "cmr", "share": 1.2},
    {"code": "KAMION-BA", "mode": "road", "home": "BA", "id": "cmr", "share": 0.7},
    # ports
    {"code": "PORT-BAR", "mode": "sea", "home": "ME", "id": "iso6346", "share": 0.5},
    {"code": "PORT-DURRES", "mode": "sea", "home": "AL", "id": "iso6346", "share": 0.6},
    {"code": "PORT-THESS", "mode": "sea", "home": "GR", "id": "iso6346", "share": 0.7},
    {"code": "PORT-VARNA", "mode": "sea", "home": "BG", "id": "iso6346", "share": 0.5},
    {"code": "PORT-PLOCE", "mode": "sea", "home": "HR", "id": "iso6346", "share": 0.4},
]

AIRLINES = [("235", "TK", "Turkish Cargo"), ("115", "JU", "Air Serbia"), ("020", "LH", "Lufthansa Cargo"),
            ("257", "OS", "Austrian"), ("724", "LX", "Swiss WorldCargo"), ("157", "QR", "Qatar Airways Cargo"),
            ("176", "EK", "Emirates SkyCargo"), ("074", "KL", "KLM Cargo"), ("624", "PC", "Pegasus Cargo"),
            ("057", "AF", "Air France Cargo"), ("615", "DHX", "DHL Aviation")]
SHIPPING_LINES = [("MSCU", "MSC"), ("MAEU", "Maersk"), ("MSKU", "Maersk"), ("CMAU", "CMA CGM"), ("HLXU", "Hapag-Lloyd"),
                  ("CSNU", "COSCO"), ("EGHU", "Evergreen"), ("TGHU", "Textainer"), ("ZIMU", "ZIM"), ("ONEU", "ONE")]
AIRPORTS = {"RS": "BEG", "MK": "SKP", "BG": "SOF", "AL": "TIA", "XK": "PRN", "BA": "SJJ", "TR": "IST", "ME": "TGD"}

# Customs units that inspect, by home country and mode.
OFFICES = {"RS": {"postal": "POSTAL-BG-RS", "express": "EXPRESS-BG-RS", "air_cargo": "AIRPORT-BEG", "road": "BCP-BATROVCI",
                  "sea": "RIVER-PORT-BG"},
           "MK": {"postal": "ПЦ-СКОПЈЕ", "express": "ACCU-SKP", "air_cargo": "AIRPORT-SKP", "road": "BCP-TABANOVCE"},
           "BA": {"postal": "POSTAL-SA", "express": "CARINA-SA", "air_cargo": "AIRPORT-SJJ", "road": "GP-GRADISKA"},
           "ME": {"postal": "POSTAL-PG", "express": "POSTAL-PG", "sea": "LUKA-BAR", "air_cargo": "AIRPORT-TGD"},
           "AL": {"postal": "DOG-POSTA-TR", "express": "DOG-POSTA-TR", "air_cargo": "DOG-RINAS", "sea": "DOG-DURRES"},
           "XK": {"postal": "DOG-POSTA-PR", "express": "DOG-POSTA-PR", "air_cargo": "DOG-AIRPORT-PR"},
           "BG": {"postal": "МП-СОФИЯ", "express": "MP-SOFIA-EXPRESS", "air_cargo": "MP-LETISHTE-SOFIA",
                  "road": "MP-KAPITAN-ANDREEVO", "sea": "MP-VARNA"},
           "HR": {"postal": "CI-ZAGREB-POSTA", "sea": "CI-PLOCE"},
           "GR": {"postal": "TELONEIO-THESS", "sea": "TELONEIO-LIMANI-THESS"},
           "TR": {"postal": "GUMRUK-IST-POSTA", "express": "GUMRUK-IST-HIZLI", "air_cargo": "GUMRUK-IST-HAVALIMANI"}}


# ---------------------------------------------------------------------------------------------
# Goods. Each: HS codes, kg per unit, value per unit in EUR, quantity range, and descriptions by
# language. "sr" descriptions are Gaj Latin and are converted to Cyrillic when the writer uses it.
# ---------------------------------------------------------------------------------------------

GOODS = {
    "clothes": {"hs": ["6109100010", "611030", "620462", "620342", "6110", "630900"], "kg": (0.2, 0.8), "eur": (4, 30), "q": (1, 8),
                "d": {"en": ["clothes", "T-shirts", "clothing", "used clothes", "ladies dresses", "jeans", "jacket"],
                      "de": ["Kleidung", "Bekleidung", "T-Shirts", "Jacke", "gebrauchte Kleidung"],
                      "sr": ["garderoba", "odeća", "majice", "pantalone", "jakna", "dečija odeća"],
                      "mk": ["облека", "маици", "детска облека", "фармерки"], "bg": ["дрехи", "облекло", "детски дрехи"],
                      "tr": ["giysi", "tekstil ürünleri", "tişört", "kadın elbise"], "sq": ["rroba", "veshje", "xhaketë"],
                      "fr": ["vêtements", "cadeau vêtements"]}},
    "shoes": {"hs": ["640399", "640411", "6404"], "kg": (0.6, 1.4), "eur": (15, 70), "q": (1, 3),
              "d": {"en": ["shoes", "sneakers", "boots"], "de": ["Schuhe", "Turnschuhe"], "sr": ["patike", "cipele", "čizme"],
                    "mk": ["чевли", "патики"], "bg": ["обувки", "маратонки"], "tr": ["ayakkabı", "spor ayakkabı"],
                    "sq": ["këpucë", "atlete"]}},
    "food_gift": {"hs": ["090121", "180632", "190531", "170490", "2106"], "kg": (0.2, 1.0), "eur": (2, 10), "q": (2, 12),
                  "d": {"en": ["coffee", "chocolate", "sweets", "biscuits"], "de": ["Kaffee", "Schokolade", "Süßigkeiten", "Kekse"],
                        "sr": ["kafa", "čokolada", "slatkiši", "keks"], "mk": ["кафе", "чоколадо", "слатки"],
                        "bg": ["кафе", "шоколад", "сладкиши"], "tr": ["kahve", "çikolata", "lokum"],
                        "sq": ["kafe", "çokollatë", "ëmbëlsira"]}},
    "home_food": {"hs": ["200190", "040900", "200799", "1905"], "kg": (0.5, 1.2), "eur": (2, 8), "q": (2, 10),
                  "d": {"en": ["homemade food", "ajvar", "honey", "jam"], "de": ["Lebensmittel", "Honig", "Ajvar"],
                        "sr": ["ajvar", "domaći ajvar", "med", "slatko", "hrana"], "mk": ["ајвар", "мед", "домашна храна", "слатко"],
                        "bg": ["лютеница", "мед", "домашно сладко", "храна"], "sq": ["ushqim shtëpie", "mjaltë", "reçel"]}},
    "rakija": {"hs": ["220890", "2208"], "kg": (1.0, 1.6), "eur": (8, 25), "q": (1, 4),
               "d": {"en": ["plum brandy", "rakija"], "de": ["Schnaps", "Obstbrand"], "sr": ["rakija", "šljivovica", "domaća rakija"],
                     "mk": ["ракија", "домашна ракија"], "bg": ["ракия"], "sq": ["raki"]}},
    "cosmetics": {"hs": ["330499", "330510", "330300", "3401"], "kg": (0.1, 0.5), "eur": (4, 35), "q": (1, 10),
                  "d": {"en": ["cosmetics", "shampoo", "skin cream", "perfume"], "de": ["Kosmetik", "Shampoo", "Creme"],
                        "sr": ["kozmetika", "šampon", "krema"], "mk": ["козметика", "шампон", "крема"], "bg": ["козметика", "шампоан"],
                        "tr": ["kozmetik", "parfüm", "krem"], "sq": ["kozmetikë", "parfum"]}},
    "supplements": {"hs": ["210690", "2106", "300450"], "kg": (0.1, 0.6), "eur": (8, 40), "q": (1, 6),
                    "d": {"en": ["food supplements", "vitamins", "protein powder"], "de": ["Nahrungsergänzungsmittel", "Vitamine"],
                          "sr": ["suplementi", "vitamini"], "mk": ["витамини", "додатоци во исхрана"], "bg": ["витамини", "хранителни добавки"],
                          "tr": ["vitamin", "gıda takviyesi"], "sq": ["vitamina", "suplemente"]}},
    "medicines": {"hs": ["300490", "3004"], "kg": (0.05, 0.3), "eur": (5, 40), "q": (1, 6),
                  "d": {"en": ["medicines", "medication"], "de": ["Medikamente", "Arzneimittel"], "sr": ["lekovi", "lijekovi"],
                        "mk": ["лекови"], "bg": ["лекарства"], "tr": ["ilaç"], "sq": ["ilaçe", "barna"]}},
    "books": {"hs": ["490199", "4901"], "kg": (0.3, 0.9), "eur": (5, 25), "q": (1, 6),
              "d": {"en": ["books", "printed matter"], "de": ["Bücher"], "sr": ["knjige"], "mk": ["книги"], "bg": ["книги"],
                    "tr": ["kitap"], "sq": ["libra"]}},
    "documents": {"hs": [], "kg": (0.05, 0.4), "eur": (0, 0), "q": (1, 1),
                  "d": {"en": ["documents", "papers", "contract"], "de": ["Dokumente", "Unterlagen"], "sr": ["dokumenti", "dokumentacija"],
                        "mk": ["документи"], "bg": ["документи"], "tr": ["evrak", "belgeler"], "sq": ["dokumente"]}},
    "phone_acc": {"hs": ["851762", "851830", "850440", "392690"], "kg": (0.03, 0.2), "eur": (1, 12), "q": (1, 10),
                  "d": {"en": ["phone case", "USB cable", "earphones", "charger", "phone holder", "screen protector"],
                        "de": ["Handyhülle", "Ladekabel"], "sr": ["punjač", "slušalice", "maska za telefon"],
                        "mk": ["полнач", "слушалки"], "bg": ["калъф за телефон", "слушалки", "зарядно"], "tr": ["kulaklık", "şarj kablosu"],
                        "sq": ["karikues", "kufje"]}},
    "led": {"hs": ["940540", "9405", "853950"], "kg": (0.1, 0.8), "eur": (2, 15), "q": (1, 5),
            "d": {"en": ["LED strip", "LED lamp", "night light"], "de": ["LED Leuchte", "Lampe"], "sr": ["LED traka", "lampa"],
                  "mk": ["LED лента", "ламба"], "bg": ["LED лента", "лампа"], "tr": ["LED şerit"], "sq": ["llambë LED"]}},
    "toys": {"hs": ["950300", "9503", "950349", "950390"], "kg": (0.1, 1.0), "eur": (2, 20), "q": (1, 6),
             "d": {"en": ["toys", "plush toy", "building blocks", "toy car", "kids toy"], "de": ["Spielzeug", "Plüschtier"],
                   "sr": ["igračke", "igračka", "dečije igračke"], "mk": ["играчки", "детски играчки"], "bg": ["играчки", "детски играчки"],
                   "tr": ["oyuncak"], "sq": ["lodra", "lodër për fëmijë"]}},
    "tools": {"hs": ["820420", "820559", "820750", "8205", "846721"], "kg": (0.3, 2.5), "eur": (5, 40), "q": (1, 4),
              "d": {"en": ["tool set", "wrench set", "drill bits", "hand tools", "tools"], "de": ["Werkzeugset", "Werkzeug", "Bohrer"],
                    "sr": ["alat", "set ključeva", "burgije", "ručni alat"], "mk": ["алат", "клучеви", "бургии"],
                    "bg": ["инструменти", "комплект ключове", "свредла"], "tr": ["alet seti", "el aletleri"], "sq": ["vegla", "set çelësash"]}},
    "car_parts": {"hs": ["870830", "870899", "842123", "851110", "8708", "870880"], "kg": (0.3, 3.0), "eur": (5, 60), "q": (1, 4),
                  "d": {"en": ["car parts", "auto parts", "brake pads", "oil filter", "spark plugs", "spare parts", "shock absorber"],
                        "de": ["Autoteile", "Ersatzteile", "Bremsbeläge", "Ölfilter", "Zündkerzen"],
                        "sr": ["auto delovi", "auto dijelovi", "kočione pločice", "filter ulja", "rezervni delovi"],
                        "mk": ["авто делови", "резервни делови", "филтер за масло"], "bg": ["авточасти", "резервни части", "накладки"],
                        "tr": ["oto yedek parça", "fren balatası", "yedek parça"], "sq": ["pjesë këmbimi", "pjesë makine"]}},
    "bike_parts": {"hs": ["871494", "871499", "8714"], "kg": (0.2, 1.5), "eur": (5, 40), "q": (1, 3),
                   "d": {"en": ["bicycle parts", "bike pedals", "bike chain"], "de": ["Fahrradteile"], "sr": ["delovi za bicikl"],
                         "mk": ["делови за велосипед"], "bg": ["части за велосипед"], "tr": ["bisiklet parçası"], "sq": ["pjesë biçiklete"]}},
    "fishing": {"hs": ["950790", "950730", "950720"], "kg": (0.1, 1.2), "eur": (3, 30), "q": (1, 6),
                "d": {"en": ["fishing tackle", "fishing reel", "lures", "fishing equipment"], "de": ["Angelzubehör", "Angelrolle"],
                      "sr": ["ribolovačka oprema", "mašinica za pecanje", "varalice"], "mk": ["опрема за риболов"],
                      "bg": ["риболовни принадлежности", "макара"], "tr": ["olta takımı", "balıkçılık malzemesi"], "sq": ["pajisje peshkimi"]}},
    "sporting": {"hs": ["950691", "950699", "9506"], "kg": (0.5, 5.0), "eur": (5, 50), "q": (1, 4),
                 "d": {"en": ["sports equipment", "dumbbells", "fitness equipment", "sporting goods"], "de": ["Sportartikel", "Hanteln"],
                       "sr": ["sportska oprema", "tegovi"], "mk": ["спортска опрема", "тегови"], "bg": ["спортни стоки", "дъмбели"],
                       "tr": ["spor malzemesi", "dambıl"], "sq": ["pajisje sportive", "pesha"]}},
    "electronics": {"hs": ["847130", "851712", "852872", "854370", "8517"], "kg": (0.3, 2.5), "eur": (40, 600), "q": (1, 2),
                    "d": {"en": ["laptop", "mobile phone", "tablet", "smart watch", "electronic components"],
                          "de": ["Laptop", "Handy", "Elektronik"], "sr": ["laptop", "mobilni telefon", "elektronika"],
                          "mk": ["лаптоп", "мобилен телефон"], "bg": ["лаптоп", "телефон", "електроника"], "tr": ["dizüstü bilgisayar", "cep telefonu"],
                          "sq": ["laptop", "telefon celular"]}},
    "watches": {"hs": ["910211", "9102"], "kg": (0.05, 0.3), "eur": (5, 60), "q": (1, 3),
                "d": {"en": ["watch", "wrist watch"], "de": ["Armbanduhr"], "sr": ["sat", "ručni sat"], "mk": ["рачен часовник"],
                      "bg": ["часовник"], "tr": ["kol saati"], "sq": ["orë dore"]}},
    "machine_parts": {"hs": ["848210", "848180", "848790", "843149", "8483"], "kg": (0.5, 20), "eur": (10, 400), "q": (1, 20),
                      "d": {"en": ["bearings", "valves", "machine parts", "spare parts for machine", "hydraulic parts"],
                            "de": ["Kugellager", "Ventile", "Maschinenteile", "Ersatzteile"], "sr": ["ležajevi", "ventili", "delovi za mašine"],
                            "mk": ["лежишта", "вентили", "делови за машини"], "bg": ["лагери", "вентили", "машинни части"],
                            "tr": ["rulman", "valf", "makine parçası"], "sq": ["kushineta", "pjesë makinerie"]}},
    "textiles_b2b": {"hs": ["620462", "620343", "610910", "6204", "520942"], "kg": (0.3, 0.6), "eur": (6, 25), "q": (50, 2000),
                     "d": {"en": ["ladies trousers", "men's shirts", "garments", "denim fabric"], "de": ["Damenhosen", "Herrenhemden", "Textilien"],
                           "sr": ["ženske pantalone", "konfekcija"], "mk": ["женски панталони", "конфекција"], "bg": ["дамски панталони", "конфекция"],
                           "tr": ["bayan pantolon", "konfeksiyon"], "sq": ["pantallona grash", "konfeksione"]}},
    "pharma": {"hs": ["300490", "300420", "3004"], "kg": (0.2, 0.5), "eur": (5, 80), "q": (100, 3000),
               "d": {"en": ["pharmaceutical products", "medicaments", "tablets"], "de": ["Arzneimittel"], "sr": ["farmaceutski proizvodi"],
                     "mk": ["фармацевтски производи"], "bg": ["лекарствени продукти"], "tr": ["ilaç"], "sq": ["produkte farmaceutike"]}},
    "flowers": {"hs": ["060311", "0603"], "kg": (0.02, 0.05), "eur": (0.3, 1.0), "q": (2000, 20000),
                "d": {"en": ["fresh cut flowers", "roses"], "de": ["Schnittblumen"], "sr": ["sveže rezano cveće"], "bg": ["рязани цветя"]}},
    "chemicals": {"hs": ["291411", "290531", "382499", "2915"], "kg": (20, 200), "eur": (20, 300), "q": (1, 40),
                  "d": {"en": ["industrial chemicals", "solvent", "laboratory reagents"], "de": ["Chemikalien", "Lösungsmittel"],
                        "tr": ["kimyasal madde"], "sr": ["hemikalije"], "bg": ["химикали"]}},
    "furniture": {"hs": ["940360", "940161", "9403"], "kg": (10, 60), "eur": (30, 300), "q": (10, 200),
                  "d": {"en": ["furniture", "wooden chairs", "kitchen cabinets"], "de": ["Möbel"], "sr": ["nameštaj", "stolice"],
                        "mk": ["мебел"], "bg": ["мебели"], "tr": ["mobilya"], "sq": ["mobilje"]}},
    "fruit": {"hs": ["080810", "070200", "080930", "070960", "080390"], "kg": (1, 1), "eur": (0.3, 1.2), "q": (8000, 22000),
              "d": {"en": ["fresh apples", "fresh tomatoes", "peppers", "peaches"], "de": ["frische Äpfel", "Tomaten"],
                    "sr": ["sveže jabuke", "paradajz", "paprika"], "mk": ["свежи домати", "пиперки", "јаболка"], "bg": ["пресни домати"],
                    "tr": ["taze domates"], "sq": ["domate të freskëta", "speca"]}},
    "bananas": {"hs": ["080390", "0803"], "kg": (1, 1), "eur": (0.4, 0.7), "q": (18000, 21000),
                "d": {"en": ["fresh bananas", "bananas cavendish"], "de": ["frische Bananen"]}},
    "tiles": {"hs": ["690721", "6907"], "kg": (1, 1), "eur": (0.4, 1.5), "q": (18000, 26000),
              "d": {"en": ["ceramic tiles", "porcelain tiles"], "de": ["Keramikfliesen"], "tr": ["seramik karo"], "sr": ["keramičke pločice"]}},
    "steel": {"hs": ["721420", "730890", "720839", "7308"], "kg": (1, 1), "eur": (0.6, 1.2), "q": (15000, 25000),
              "d": {"en": ["steel bars", "steel structures", "hot rolled coils"], "de": ["Betonstahl", "Stahlkonstruktion"],
                    "tr": ["inşaat demiri"], "sr": ["armatura", "čelične konstrukcije"], "bg": ["стоманени профили"]}},
    "tobacco_leaf": {"hs": ["240120"], "kg": (1, 1), "eur": (3, 5), "q": (8000, 18000),
                     "d": {"en": ["oriental tobacco leaf", "unmanufactured tobacco"], "mk": ["суров тутун"], "bg": ["тютюн ориенталски"]}},
    "tyres": {"hs": ["401110", "4011"], "kg": (7, 12), "eur": (25, 80), "q": (40, 600),
              "d": {"en": ["car tyres", "tyres"], "de": ["Autoreifen"], "sr": ["auto gume"], "tr": ["otomobil lastiği"], "bg": ["гуми"]}},
    "car_parts_b2b": {"hs": ["870899", "870840", "854430", "870829"], "kg": (0.5, 5), "eur": (3, 40), "q": (50, 3000),
                      "d": {"en": ["wiring harnesses", "automotive components", "seat parts"], "de": ["Kabelbäume", "Kfz-Teile"],
                            "sr": ["kablovski snopovi", "delovi za automobile"], "mk": ["кабелски снопови"], "bg": ["автомобилни компоненти"]}},
    # --- goods of the honest trade that looks like the illicit one ---
    "airsoft": {"hs": ["950390", "9503", "930400"], "kg": (0.5, 3.5), "eur": (20, 180), "q": (1, 2),
                "d": {"en": ["airsoft gun", "airsoft rifle replica", "gel blaster toy", "BB gun toy"], "de": ["Softair Pistole", "Softair Gewehr"],
                      "sr": ["airsoft puška", "airsoft pištolj"], "mk": ["ерсофт пушка"], "bg": ["еърсофт пистолет"], "tr": ["airsoft tabanca"]}},
    "hunting_acc": {"hs": ["901310", "420292", "821192", "930590", "340391"], "kg": (0.2, 1.5), "eur": (15, 250), "q": (1, 3),
                    "d": {"en": ["riflescope", "gun cleaning kit", "hunting knife", "holster", "rifle sling", "bipod"],
                          "de": ["Zielfernrohr", "Waffenreinigungsset", "Jagdmesser", "Holster"], "sr": ["optika za pušku", "lovački nož", "futrola"],
                          "mk": ["оптика за пушка", "ловечки нож"], "bg": ["оптика за пушка", "ловен нож"], "tr": ["tüfek dürbünü", "av bıçağı"],
                          "sq": ["dylbi për pushkë", "thikë gjuetie"]}},
    "hunting_arms": {"hs": ["930320", "930330", "930621", "930630"], "kg": (2.8, 4.0), "eur": (350, 1800), "q": (2, 20),
                     "d": {"en": ["hunting shotguns", "hunting rifles", "shotgun cartridges", "cartridges for hunting rifles"],
                           "de": ["Jagdflinten", "Jagdgewehre", "Schrotpatronen", "Büchsenpatronen"],
                           "sr": ["lovačke puške", "lovačka municija"], "mk": ["ловечки пушки", "ловечка муниција"],
                           "bg": ["ловни пушки", "ловни патрони"], "tr": ["av tüfeği", "av fişeği"]}},
    "metal_heavy": {"hs": ["732510", "731600", "870830", "950691", "732690"], "kg": (3, 15), "eur": (4, 30), "q": (1, 2),
                    "d": {"en": ["cast iron pan", "brake discs", "kettlebell", "boat anchor", "metal weights", "cast iron grate"],
                          "de": ["Gusseisenpfanne", "Bremsscheiben", "Kettlebell", "Anker"], "sr": ["kočioni diskovi", "liveni tiganj", "tegovi"],
                          "mk": ["кочни дискови", "тегови"], "bg": ["спирачни дискове", "чугунен тиган"], "tr": ["döküm tava", "fren diski"],
                          "sq": ["disqe frenash"]}},
    "blank_pistol_legal": {"hs": ["930400", "9304"], "kg": (0.6, 1.0), "eur": (60, 160), "q": (1, 1),
                           "d": {"en": ["signal pistol", "starter pistol"], "de": ["Schreckschusspistole", "Signalpistole"],
                                 "tr": ["kurusıkı tabanca", "start tabancası"]}},
}

# Innocent goods by flow.
FLOW_GOODS = {
    "cn_ecom": ["phone_acc", "led", "toys", "clothes", "tools", "car_parts", "bike_parts", "fishing", "watches", "cosmetics",
                "shoes", "electronics", "sporting"],
    "eu_ecom": ["electronics", "supplements", "books", "cosmetics", "car_parts", "tools", "fishing", "sporting", "clothes",
                "shoes", "toys", "bike_parts", "medicines"],
    "tr_ecom": ["clothes", "shoes", "cosmetics", "toys", "food_gift", "phone_acc"],
    "diaspora_in": ["clothes", "shoes", "food_gift", "cosmetics", "supplements", "toys", "medicines", "tools", "car_parts"],
    "diaspora_out": ["home_food", "rakija", "clothes", "books", "documents", "food_gift"],
    "regional": ["clothes", "shoes", "cosmetics", "car_parts", "tools", "electronics", "books", "documents", "phone_acc",
                 "supplements", "sporting"],
    "business": ["documents", "machine_parts", "electronics", "car_parts", "textiles_b2b", "tools"],
    "air_in": ["machine_parts", "pharma", "electronics", "chemicals", "flowers", "car_parts_b2b", "textiles_b2b"],
    "air_out": ["textiles_b2b", "car_parts_b2b", "machine_parts", "pharma"],
    "road": ["furniture", "fruit", "textiles_b2b", "tyres", "steel", "car_parts_b2b", "machine_parts", "tiles"],
    "sea": ["tiles", "steel", "furniture", "bananas", "tyres", "tobacco_leaf", "textiles_b2b", "chemicals"],
}

# Which languages a writer from a country uses for descriptions (weights).
DESC_LANG = {"RS": [("sr", 6), ("sr_cyr", 2), ("en", 2)], "MK": [("mk", 5), ("mk_lat", 2), ("en", 3), ("sq", 1)],
             "BA": [("sr", 7), ("sr_cyr", 1), ("en", 2)], "ME": [("sr", 7), ("sr_cyr", 1), ("en", 2)],
             "AL": [("sq", 6), ("en", 4)], "XK": [("sq", 6), ("en", 4)], "BG": [("bg", 6), ("en", 4)],
             "HR": [("sr", 6), ("en", 4)], "GR": [("en", 10)], "TR": [("tr", 6), ("en", 4)],
             "DE": [("de", 6), ("en", 3)], "AT": [("de", 7), ("en", 3)], "CH": [("de", 6), ("en", 3), ("fr", 1)],
             "*": [("en", 10)]}
