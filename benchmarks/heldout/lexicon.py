"""Words, names and places of the held-out traffic generator.

Written from the threat picture and knowledge of the region only, never from the project's own
generator or profiles: the point of this data is to differ from theirs.
"""

# --- transliteration (our own tables) -------------------------------------------------------
SR_LAT_TO_CYR = [
    ("dž", "џ"), ("Dž", "Џ"), ("DŽ", "Џ"), ("lj", "љ"), ("Lj", "Љ"), ("LJ", "Љ"),
    ("nj", "њ"), ("Nj", "Њ"), ("NJ", "Њ"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("đ", "ђ"), ("e", "е"),
    ("ž", "ж"), ("z", "з"), ("i", "и"), ("j", "ј"), ("k", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("ć", "ћ"),
    ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("č", "ч"), ("š", "ш"),
    ("A", "А"), ("B", "Б"), ("V", "В"), ("G", "Г"), ("D", "Д"), ("Đ", "Ђ"), ("E", "Е"),
    ("Ž", "Ж"), ("Z", "З"), ("I", "И"), ("J", "Ј"), ("K", "К"), ("L", "Л"), ("M", "М"),
    ("N", "Н"), ("O", "О"), ("P", "П"), ("R", "Р"), ("S", "С"), ("T", "Т"), ("Ć", "Ћ"),
    ("U", "У"), ("F", "Ф"), ("H", "Х"), ("C", "Ц"), ("Č", "Ч"), ("Š", "Ш"),
]
# Macedonian romanisation as people actually type it (gj, kj, dz), reversed to Cyrillic.
MK_LAT_TO_CYR = [
    ("Gj", "Ѓ"), ("gj", "ѓ"), ("Kj", "Ќ"), ("kj", "ќ"), ("Dz", "Ѕ"), ("dz", "ѕ"),
    ("Dž", "Џ"), ("dž", "џ"), ("Lj", "Љ"), ("lj", "љ"), ("Nj", "Њ"), ("nj", "њ"),
    ("Zh", "Ж"), ("zh", "ж"), ("Ch", "Ч"), ("ch", "ч"), ("Sh", "Ш"), ("sh", "ш"),
] + [pair for pair in SR_LAT_TO_CYR if pair[0] not in ("đ", "Đ", "ć", "Ć")]
BG_LAT_TO_CYR = [
    ("Sht", "Щ"), ("sht", "щ"), ("Zh", "Ж"), ("zh", "ж"), ("Ch", "Ч"), ("ch", "ч"),
    ("Sh", "Ш"), ("sh", "ш"), ("Ts", "Ц"), ("ts", "ц"), ("Yu", "Ю"), ("yu", "ю"),
    ("Ya", "Я"), ("ya", "я"), ("y", "й"),
] + [pair for pair in SR_LAT_TO_CYR if pair[0].lower() not in ("đ", "ć", "č", "š", "ž", "j", "lj", "nj", "dž")]

# How people drop diacritics when the keyboard has none; several habits per letter.
ASCII_HABITS = {
    "č": ["c", "ch"], "ć": ["c", "ch"], "š": ["s", "sh"], "ž": ["z", "zh"], "đ": ["dj", "d", "dz"],
    "Č": ["C", "Ch"], "Ć": ["C", "Ch"], "Š": ["S", "Sh"], "Ž": ["Z", "Zh"], "Đ": ["Dj", "D"],
    "ë": ["e"], "Ë": ["E"], "ç": ["c", "ch"], "Ç": ["C", "Ch"], "ı": ["i"], "İ": ["I"],
    "ş": ["s", "sh"], "Ş": ["S", "Sh"], "ğ": ["g", "gh"], "ö": ["o", "oe"], "ü": ["u", "ue"],
    "Ö": ["O"], "Ü": ["U"], "ä": ["ae", "a"], "ß": ["ss"], "å": ["a", "aa"], "Å": ["A"],
}

# --- people ---------------------------------------------------------------------------------
FIRST = {
    "sr": ["Dragan", "Milan", "Nenad", "Zoran", "Dejan", "Nebojša", "Miloš", "Stefan", "Željko",
           "Đorđe", "Bojan", "Srđan", "Vukašin", "Radovan", "Mladen", "Predrag", "Čedomir",
           "Ljubiša", "Dušan", "Aleksandar", "Nikola", "Marko", "Uroš", "Vladan", "Jelena",
           "Milica", "Snežana", "Dragana", "Ljiljana", "Tijana", "Gordana", "Biljana", "Nataša",
           "Jovana", "Anđela", "Svetlana", "Radmila", "Slađana", "Vesna", "Branislav", "Žarko"],
    "bs": ["Emir", "Adnan", "Haris", "Edin", "Mirza", "Senad", "Almir", "Nermin", "Kenan",
           "Amra", "Lejla", "Selma", "Aida", "Emina", "Dženana", "Muhamed", "Jasmin", "Samir"],
    "hr": ["Ivan", "Tomislav", "Krešimir", "Hrvoje", "Ante", "Josip", "Mario", "Petra", "Marija",
           "Ana", "Zvonimir", "Dario", "Ivana", "Kristina"],
    "me": ["Vuk", "Budimir", "Vesko", "Momčilo", "Milo", "Radule", "Danilo", "Nikša", "Jelisaveta"],
    "mk": ["Goran", "Dimitar", "Zoran", "Igor", "Vlatko", "Blagoja", "Trajče", "Gjorgji", "Kiril",
           "Ljupčo", "Toni", "Zlatko", "Elena", "Katerina", "Sanja", "Biljana", "Aco", "Kire",
           "Dragi", "Gjoko", "Filip", "Bojana", "Metodija"],
    "sq": ["Arben", "Besnik", "Driton", "Edmond", "Fatos", "Gëzim", "Ilir", "Kujtim", "Luan",
           "Mentor", "Shpëtim", "Valon", "Blerim", "Arbër", "Dritëro", "Arta", "Besa", "Elira",
           "Fjolla", "Jehona", "Mimoza", "Teuta", "Vjosa", "Agron", "Bujar", "Xhevdet", "Ermal"],
    "tr": ["Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Emre", "Burak", "Oğuz", "Çağlar", "Serkan",
           "Volkan", "Ayşe", "Fatma", "Zeynep", "Elif", "Gülşen", "İsmail", "Cem", "Şükrü"],
    "bg": ["Georgi", "Dimitar", "Ivan", "Nikolay", "Stefan", "Hristo", "Maria", "Elena",
           "Tsvetan", "Yordan", "Petya", "Zhivko"],
    "gr": ["Georgios", "Konstantinos", "Dimitrios", "Nikolaos", "Eleni", "Maria", "Ioannis"],
    "de": ["Thomas", "Stefan", "Michael", "Andreas", "Jürgen", "Sabine", "Katrin", "Lukas",
           "Florian", "Markus", "Johann", "Franz", "Wolfgang", "Monika", "Uwe", "Jörg"],
    "nl": ["Jan", "Pieter", "Sanne", "Daan", "Bram", "Femke", "Joost", "Ruud"],
    "sv": ["Erik", "Lars", "Anna", "Johan", "Björn", "Åsa", "Karin", "Mikael"],
    "en": ["John", "Robert", "Michael", "James", "Chris", "Jennifer", "Ashley", "David", "Kevin"],
}
LAST = {
    "sr": ["Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić",
           "Stanković", "Pavlović", "Milošević", "Lukić", "Vuković", "Radović", "Kovačević",
           "Popović", "Živković", "Todorović", "Savić", "Obradović", "Mitrović", "Tadić",
           "Gajić", "Ristić", "Despotović", "Mladenović", "Čolić", "Šešlija", "Vasiljević"],
    "bs": ["Mujić", "Hodžić", "Begić", "Hadžić", "Delić", "Hasanović", "Mehmedović", "Ibrahimović",
           "Salihović", "Omerović", "Kurtović", "Alić", "Čaušević", "Hamzić"],
    "hr": ["Horvat", "Kovač", "Babić", "Knežević", "Perić", "Jurić", "Tomić", "Matić", "Grgić",
           "Šarić", "Blažević", "Pavić"],
    "me": ["Vukčević", "Đukanović", "Bulatović", "Šćekić", "Radulović", "Vujošević", "Bošković",
           "Raičević", "Drobnjak"],
    "mk": ["Stojanovski", "Petrovski", "Nikolovski", "Trajkovski", "Dimitrovski", "Angelovski",
           "Jovanovski", "Ristovski", "Kostadinov", "Spasovski", "Georgievski", "Mitrevski",
           "Todorovski", "Ilievski", "Velkovski", "Gjorgjievski", "Kjosevski", "Dzambazov",
           "Nedelkovski", "Bogdanovska", "Trpčevski"],
    "sq": ["Hoxha", "Krasniqi", "Gashi", "Berisha", "Shala", "Morina", "Kelmendi", "Dervishi",
           "Rama", "Leka", "Kola", "Marku", "Çela", "Bajrami", "Hysaj", "Zeqiri", "Xhaferi",
           "Bytyqi", "Thaçi", "Haxhiu", "Ahmeti", "Mema"],
    "tr": ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir",
           "Arslan", "Doğan", "Kılıç", "Çetin", "Koç", "Kurt", "Özkan", "Şimşek"],
    "bg": ["Ivanov", "Petrov", "Georgiev", "Dimitrov", "Todorov", "Stoyanov", "Hristov",
           "Nikolov", "Angelov", "Zhelev"],
    "gr": ["Papadopoulos", "Georgiou", "Nikolaidis", "Oikonomou", "Papadakis", "Vlachos"],
    "de": ["Müller", "Schneider", "Weber", "Fischer", "Wagner", "Becker", "Hoffmann", "Schäfer",
           "Gruber", "Huber", "Bauer", "Pichler", "Köhler", "Krause", "Brandstätter"],
    "nl": ["de Vries", "van Dijk", "Bakker", "Visser", "Jansen", "de Boer", "Smit", "Meijer"],
    "sv": ["Andersson", "Johansson", "Karlsson", "Nilsson", "Lindqvist", "Eriksson", "Berg"],
    "en": ["Miller", "Davis", "Johnson", "Brown", "Wilson", "Taylor", "Anderson", "Martinez"],
}
NICKNAMES = {"Dragan": "Gaga", "Aleksandar": "Aca", "Nebojša": "Neša", "Slobodan": "Boba",
             "Ljubiša": "Ljuba", "Miloš": "Mile", "Gjorgji": "Gjoko", "Kiril": "Kire",
             "Besnik": "Beni", "Shpëtim": "Timi", "Mehmet": "Memo", "Vukašin": "Vule",
             "Srđan": "Srki", "Muhamed": "Hamo", "Radovan": "Rade", "Predrag": "Peđa",
             "Arben": "Beni", "Dimitar": "Mitko", "Željko": "Žele", "Hüseyin": "Hüso"}

# --- places ---------------------------------------------------------------------------------
# city, postcode, streets (in the local Latin spelling), language of the people there
PLACES = {
    "RS": [("Beograd", "11000"), ("Novi Sad", "21000"), ("Niš", "18000"), ("Kragujevac", "34000"),
           ("Subotica", "24000"), ("Čačak", "32000"), ("Kraljevo", "36000"), ("Novi Pazar", "36300"),
           ("Šabac", "15000"), ("Smederevo", "11300"), ("Leskovac", "16000"), ("Vranje", "17500"),
           ("Zrenjanin", "23000"), ("Pančevo", "26000"), ("Valjevo", "14000"), ("Loznica", "15300")],
    "MK": [("Skopje", "1000"), ("Bitola", "7000"), ("Kumanovo", "1300"), ("Prilep", "7500"),
           ("Tetovo", "1200"), ("Ohrid", "6000"), ("Veles", "1400"), ("Štip", "2000"),
           ("Gostivar", "1230"), ("Strumica", "2400"), ("Kičevo", "6250")],
    "BA": [("Sarajevo", "71000"), ("Banja Luka", "78000"), ("Tuzla", "75000"), ("Zenica", "72000"),
           ("Mostar", "88000"), ("Bijeljina", "76300"), ("Brčko", "76100"), ("Prijedor", "79101"),
           ("Doboj", "74000"), ("Bihać", "77000"), ("Travnik", "72270")],
    "ME": [("Podgorica", "81000"), ("Nikšić", "81400"), ("Bar", "85000"), ("Bijelo Polje", "84000"),
           ("Budva", "85310"), ("Pljevlja", "84210"), ("Herceg Novi", "85340"), ("Rožaje", "84310")],
    "AL": [("Tiranë", "1001"), ("Durrës", "2001"), ("Shkodër", "4001"), ("Elbasan", "3001"),
           ("Vlorë", "9401"), ("Korçë", "7001"), ("Fier", "9301"), ("Berat", "5001"), ("Kukës", "8501")],
    "XK": [("Prishtinë", "10000"), ("Prizren", "20000"), ("Pejë", "30000"), ("Gjakovë", "50000"),
           ("Mitrovicë", "40000"), ("Ferizaj", "70000"), ("Gjilan", "60000")],
    "HR": [("Zagreb", "10000"), ("Split", "21000"), ("Rijeka", "51000"), ("Osijek", "31000"),
           ("Zadar", "23000"), ("Slavonski Brod", "35000"), ("Vukovar", "32000")],
    "BG": [("Sofia", "1000"), ("Plovdiv", "4000"), ("Varna", "9000"), ("Burgas", "8000"),
           ("Ruse", "7000")],
    "SI": [("Ljubljana", "1000"), ("Maribor", "2000"), ("Celje", "3000"), ("Kranj", "4000"),
           ("Koper", "6000")],
    "GR": [("Thessaloniki", "54624"), ("Athina", "10431"), ("Patra", "26221"), ("Larisa", "41222")],
    "TR": [("İstanbul", "34000"), ("Ankara", "06000"), ("İzmir", "35000"), ("Bursa", "16000"),
           ("Konya", "42000"), ("Gaziantep", "27000"), ("Edirne", "22000")],
    "DE": [("Berlin", "10115"), ("München", "80331"), ("Stuttgart", "70173"), ("Frankfurt am Main", "60311"),
           ("Dortmund", "44135"), ("Köln", "50667"), ("Hamburg", "20095"), ("Nürnberg", "90402"),
           ("Offenbach", "63065"), ("Duisburg", "47051")],
    "AT": [("Wien", "1100"), ("Graz", "8010"), ("Linz", "4020"), ("Salzburg", "5020"), ("Innsbruck", "6020")],
    "NL": [("Amsterdam", "1012 AB"), ("Rotterdam", "3011 AD"), ("Utrecht", "3511 AX"), ("Eindhoven", "5611 AZ")],
    "SE": [("Stockholm", "111 20"), ("Göteborg", "411 03"), ("Malmö", "211 20"), ("Örebro", "702 10")],
    "CH": [("Zürich", "8004"), ("Basel", "4051"), ("St. Gallen", "9000")],
    "FR": [("Lyon", "69002"), ("Paris", "75011"), ("Strasbourg", "67000")],
    "BE": [("Antwerpen", "2000"), ("Liège", "4000")],
    "DK": [("København", "1620"), ("Aarhus", "8000")],
    "IT": [("Milano", "20121"), ("Brescia", "25121"), ("Trieste", "34121"), ("Bari", "70121")],
    "PL": [("Warszawa", "00-001"), ("Poznań", "60-101"), ("Łódź", "90-001")],
    "CZ": [("Praha", "110 00"), ("Brno", "602 00"), ("Uherský Brod", "688 01"), ("Ostrava", "702 00")],
    "SK": [("Bratislava", "811 01"), ("Košice", "040 01"), ("Žilina", "010 01")],
    "HU": [("Budapest", "1051"), ("Szeged", "6720")],
    "GB": [("Birmingham", "B1 1AA"), ("London", "E1 6AN"), ("Manchester", "M1 1AE")],
    "US": [("Houston, TX", "77002"), ("Phoenix, AZ", "85004"), ("Tampa, FL", "33602"),
           ("Reno, NV", "89501"), ("Louisville, KY", "40202"), ("Dallas, TX", "75201")],
    "CN": [("Shenzhen", "518000"), ("Guangzhou", "510000"), ("Yiwu", "322000"), ("Ningbo", "315000"),
           ("Dongguan", "523000")],
    "HK": [("Kowloon", "999077")],
    "AE": [("Dubai", "00000"), ("Sharjah", "00000")],
    "BR": [("São Paulo", "01001-000"), ("Santos", "11010-000")],
    "EC": [("Guayaquil", "090101")],
    "CO": [("Bogotá", "110111"), ("Medellín", "050001")],
    "IN": [("Mumbai", "400001"), ("Hyderabad", "500001")],
    "JP": [("Tokyo", "100-0001")],
    "TW": [("Taichung", "400")],
    "UA": [("Odesa", "65000"), ("Kyiv", "01001")],
}
STREETS = {
    "RS": ["Bulevar kralja Aleksandra", "Njegoševa", "Kneza Miloša", "Cara Dušana", "Vojvode Stepe",
           "Takovska", "Svetog Save", "Žarka Zrenjanina", "Jug Bogdanova", "Nemanjina",
           "Kralja Petra I", "Ustanička", "Jurija Gagarina", "Bulevar oslobođenja", "Đure Jakšića"],
    "MK": ["Partizanski odredi", "Ilindenska", "Makedonija", "Goce Delčev", "Kej 13 Noemvri",
           "Jane Sandanski", "Sv. Kliment Ohridski", "Bulevar Jane Sandanski", "Pitu Guli", "Kočo Racin"],
    "BA": ["Zmaja od Bosne", "Ferhadija", "Titova", "Kralja Petra I Karađorđevića", "Maršala Tita",
           "Alipašina", "Bulevar Meše Selimovića", "Brčanska", "Aleja Svetog Save"],
    "ME": ["Bulevar Svetog Petra Cetinjskog", "Njegoševa", "Hercegovačka", "Vaka Đurovića",
           "Jovana Tomaševića", "Slobode"],
    "AL": ["Rruga e Durrësit", "Rruga Myslym Shyri", "Rruga Ismail Qemali", "Rruga e Kavajës",
           "Rruga Sami Frashëri", "Rruga 28 Nëntori", "Bulevardi Zogu I"],
    "XK": ["Bulevardi Bill Clinton", "Rruga Agim Ramadani", "Rruga Nënë Tereza", "Rruga UÇK",
           "Rruga Luan Haradinaj", "Rruga Adem Jashari"],
    "HR": ["Ilica", "Vukovarska", "Savska cesta", "Ulica kralja Zvonimira", "Riva"],
    "BG": ["bul. Vitosha", "ul. Graf Ignatiev", "bul. Tsar Osvoboditel", "ul. Rakovski"],
    "SI": ["Slovenska cesta", "Dunajska cesta", "Celovška cesta", "Trubarjeva"],
    "GR": ["Egnatia", "Tsimiski", "Ermou", "Patision"],
    "TR": ["Atatürk Caddesi", "İstiklal Caddesi", "Cumhuriyet Mahallesi", "Gazi Bulvarı",
           "Fevzi Çakmak Sokak"],
    "DE": ["Hauptstraße", "Bahnhofstraße", "Goethestraße", "Schillerstraße", "Münsterstraße",
           "Kaiserstraße", "Lindenweg"],
    "AT": ["Favoritenstraße", "Triester Straße", "Landstraßer Hauptstraße", "Annenstraße"],
    "NL": ["Kalverstraat", "Coolsingel", "Stationsweg", "Kerkstraat"],
    "SE": ["Drottninggatan", "Storgatan", "Kungsgatan", "Järnvägsgatan"],
    "CH": ["Langstrasse", "Bahnhofstrasse"],
    "US": ["Main St", "Industrial Blvd", "W Commerce St", "Oak Ridge Rd"],
    "CN": ["Longhua Industrial Park", "Futian Road", "Baiyun Avenue", "International Trade City"],
}
DEFAULT_STREETS = ["Main Street", "Central Avenue", "Industrial Zone"]

# Parcel lockers and pick-up points: many unrelated senders, innocent by themselves.
LOCKERS = {
    "RS": ["Paketomat BEX", "Paketomat AKS", "Post Express Paketomat", "D Express pickup"],
    "MK": ["Пакетомат Пошта", "Paketomat Rapid", "Pick-up point Ramstore"],
    "BA": ["Paketomat Euroexpress", "BH Pošta paketomat", "X Express pick-up"],
    "ME": ["Paketomat Pošta CG", "City Express pickup"],
    "AL": ["Pika e marrjes Postë", "Paketomat Tirana East Gate"],
    "XK": ["Paketomat PTK", "Pikë marrje Albi Mall"],
    "HR": ["Box Now", "GLS Paketomat", "HP Paketomat"],
    "SI": ["Direct4.me", "Paketomat Pošta Slovenije"],
    "BG": ["Еконт автомат", "BOX NOW"],
    "DE": ["Packstation", "DHL Packstation"],
    "AT": ["Post Abholstation", "Paketbox"],
    "NL": ["PostNL pakketautomaat"],
    "SE": ["Instabox", "Budbee box"],
}

PHONE = {  # country dialling code, mobile prefixes, national trunk prefix
    "RS": ("381", ["60", "61", "62", "63", "64", "65", "66", "69"], "0"),
    "MK": ("389", ["70", "71", "72", "75", "76", "77", "78"], "0"),
    "BA": ("387", ["61", "62", "63", "65", "66"], "0"),
    "ME": ("382", ["67", "68", "69"], "0"),
    "AL": ("355", ["67", "68", "69"], "0"),
    "XK": ("383", ["43", "44", "45", "49"], "0"),
    "HR": ("385", ["91", "92", "95", "98", "99"], "0"),
    "BG": ("359", ["87", "88", "89"], "0"),
    "SI": ("386", ["30", "31", "40", "41", "51", "68", "70"], "0"),
    "GR": ("30", ["69"], ""),
    "TR": ("90", ["530", "532", "535", "542", "553"], "0"),
    "DE": ("49", ["151", "157", "160", "170", "176"], "0"),
    "AT": ("43", ["650", "660", "664", "676", "699"], "0"),
    "NL": ("31", ["6"], "0"),
    "SE": ("46", ["70", "72", "73", "76"], "0"),
    "CH": ("41", ["76", "78", "79"], "0"),
    "US": ("1", ["713", "602", "813", "775", "502"], ""),
    "CN": ("86", ["135", "138", "139", "186"], ""),
}
MAIL_DOMAINS = {
    "RS": ["gmail.com", "yahoo.com", "mts.rs", "sbb.rs", "eunet.rs", "hotmail.com"],
    "MK": ["gmail.com", "yahoo.com", "t-home.mk", "hotmail.com"],
    "BA": ["gmail.com", "bih.net.ba", "hotmail.com", "yahoo.com"],
    "ME": ["gmail.com", "t-com.me", "hotmail.com"],
    "AL": ["gmail.com", "yahoo.com", "abcom.al", "hotmail.com"],
    "XK": ["gmail.com", "hotmail.com", "yahoo.com"],
    "TR": ["gmail.com", "hotmail.com", "yandex.com.tr"],
    "DE": ["gmx.de", "web.de", "t-online.de", "gmail.com"],
    "AT": ["gmx.at", "aon.at", "gmail.com"],
}

# --- goods ----------------------------------------------------------------------------------
# key: (HS codes that fit, kg per unit, EUR per unit, words per language).
# "sr" is Serbian Latin (ekavian; turned into Cyrillic by the generator), "hr" Croatian/Bosnian
# (ijekavian), "mk" Macedonian Cyrillic as typed, "sq" Albanian, "de", "tr", "en".
GOODS = {
    "tshirt": (["610910", "6109"], (0.15, 0.3), (4, 18), {
        "en": ["T-shirt", "cotton t-shirts", "tee shirt"], "sr": ["majica", "pamučne majice"],
        "hr": ["majica kratkih rukava"], "mk": ["маица", "памучни маици"], "sq": ["bluzë pambuku", "maicë"],
        "de": ["T-Shirt", "Baumwollshirts"], "tr": ["tişört", "pamuklu tişört"]}),
    "jacket": (["620193", "6201", "620293"], (0.6, 1.4), (20, 90), {
        "en": ["winter jacket", "men's jacket"], "sr": ["zimska jakna", "jakna"], "hr": ["jakna"],
        "mk": ["зимска јакна", "јакна"], "sq": ["xhaketë dimri"], "de": ["Winterjacke"], "tr": ["mont", "kışlık mont"]}),
    "sneakers": (["640411", "6404", "6403"], (0.7, 1.4), (15, 90), {
        "en": ["sneakers", "running shoes"], "sr": ["patike"], "hr": ["tenisice"], "mk": ["патики"],
        "sq": ["atlete"], "de": ["Turnschuhe", "Sneaker"], "tr": ["spor ayakkabı"]}),
    "phone_case": (["392690", "420232"], (0.03, 0.1), (1, 8), {
        "en": ["phone case", "silicone case"], "sr": ["maska za telefon"], "hr": ["maskica za mobitel"],
        "mk": ["маска за телефон"], "sq": ["mbështjellëse telefoni"], "de": ["Handyhülle"], "tr": ["telefon kılıfı"]}),
    "charger": (["850440", "854442"], (0.05, 0.3), (3, 20), {
        "en": ["USB charger", "charging cable", "power adapter"], "sr": ["punjač", "USB kabl"],
        "hr": ["punjač za mobitel"], "mk": ["полнач", "USB кабел"], "sq": ["karikues"], "de": ["Ladegerät"],
        "tr": ["şarj aleti"]}),
    "cosmetics": (["330499", "3304", "330510"], (0.1, 0.5), (5, 40), {
        "en": ["face cream", "cosmetics", "shampoo"], "sr": ["krema za lice", "kozmetika"], "hr": ["kozmetika"],
        "mk": ["козметика", "крема"], "sq": ["kozmetikë", "krem fytyre"], "de": ["Gesichtscreme", "Kosmetik"],
        "tr": ["kozmetik", "yüz kremi"]}),
    "books": (["490199", "4901"], (0.3, 1.5), (5, 35), {
        "en": ["books", "textbook"], "sr": ["knjige", "udžbenik"], "hr": ["knjige"], "mk": ["книги", "учебник"],
        "sq": ["libra"], "de": ["Bücher", "Fachbuch"], "tr": ["kitap"]}),
    "supplements": (["210690", "2106"], (0.2, 0.8), (8, 45), {
        "en": ["vitamins", "protein powder", "food supplement"], "sr": ["vitamini", "protein"],
        "hr": ["dodatak prehrani"], "mk": ["витамини"], "sq": ["vitamina"], "de": ["Nahrungsergänzung"],
        "tr": ["vitamin"]}),
    "brake_discs": (["870830", "8708"], (4.5, 9.0), (12, 45), {
        "en": ["brake discs", "brake rotor pair"], "sr": ["kočioni diskovi", "diskovi kočnica"],
        "hr": ["kočioni diskovi"], "mk": ["сопирачки дискови", "дискови за кочници"], "sq": ["disqe frenash"],
        "de": ["Bremsscheiben"], "tr": ["fren diski"]}),
    "shock_absorber": (["870880"], (2.5, 5.0), (18, 60), {
        "en": ["shock absorber"], "sr": ["amortizer"], "hr": ["amortizer"], "mk": ["амортизер"],
        "sq": ["amortizator"], "de": ["Stoßdämpfer"], "tr": ["amortisör"]}),
    "alternator": (["851150"], (4.0, 7.0), (35, 120), {
        "en": ["alternator", "starter motor"], "sr": ["alternator", "anlaser"], "hr": ["alternator"],
        "mk": ["алтернатор", "анласер"], "sq": ["alternator"], "de": ["Lichtmaschine", "Anlasser"],
        "tr": ["alternatör", "marş motoru"]}),
    "car_parts": (["870899", "8708", "870840", "848310"], (0.5, 4.0), (8, 60), {
        "en": ["car parts", "auto parts", "spare parts for car"], "sr": ["auto delovi", "delovi za auto", "rezervni delovi"],
        "hr": ["auto dijelovi", "rezervni dijelovi"], "mk": ["авто делови", "резервни делови"],
        "sq": ["pjesë makine", "pjesë këmbimi"], "de": ["Autoteile", "Ersatzteile"], "tr": ["oto yedek parça", "yedek parça"]}),
    "hand_tools": (["820411", "8204", "820559", "8206"], (1.0, 5.0), (8, 40), {
        "en": ["tool set", "socket wrench set", "tools"], "sr": ["alat", "set ključeva", "garnitura alata"],
        "hr": ["alat", "set ključeva"], "mk": ["алат", "сет клучеви"], "sq": ["vegla", "set çelësash"],
        "de": ["Werkzeugset", "Steckschlüsselsatz", "Werkzeug"], "tr": ["alet seti", "el aletleri"]}),
    "drill": (["846721"], (1.5, 3.0), (30, 110), {
        "en": ["cordless drill"], "sr": ["aku bušilica"], "hr": ["aku bušilica"], "mk": ["дупчалка"],
        "sq": ["trapan"], "de": ["Akkuschrauber"], "tr": ["şarjlı matkap"]}),
    "metal_parts": (["732690", "7326", "731815"], (0.3, 3.0), (3, 30), {
        "en": ["metal parts", "steel fittings", "bolts and nuts"], "sr": ["metalni delovi", "šrafovi", "okovi"],
        "hr": ["metalni dijelovi", "vijci"], "mk": ["метални делови", "шрафови"], "sq": ["pjesë metalike", "vida"],
        "de": ["Metallteile", "Schrauben"], "tr": ["metal parçalar", "cıvata"]}),
    "fishing_reel": (["950731", "950790"], (0.3, 0.8), (12, 70), {
        "en": ["fishing reel", "fishing tackle"], "sr": ["mašinica za pecanje", "pecaroška oprema"],
        "hr": ["rola za ribolov", "ribolovna oprema"], "mk": ["макара за риболов", "риболовна опрема"],
        "sq": ["rrotull peshkimi", "pajisje peshkimi"], "de": ["Angelrolle", "Angelzubehör"], "tr": ["olta makarası", "balıkçı malzemesi"]}),
    "fishing_lead": (["950790", "780600"], (1.0, 3.0), (4, 15), {
        "en": ["fishing sinkers", "lead weights"], "sr": ["olovo za pecanje", "olovni tegovi"],
        "hr": ["olova za ribolov"], "mk": ["олово за риболов"], "sq": ["plumba peshkimi"],
        "de": ["Angelblei"], "tr": ["olta kurşunu"]}),
    "dumbbells": (["950691"], (5.0, 12.0), (10, 40), {
        "en": ["dumbbells", "weight plates"], "sr": ["tegovi", "bučice"], "hr": ["utezi", "bučice"],
        "mk": ["тегови"], "sq": ["pesha palestre"], "de": ["Hanteln", "Hantelscheiben"], "tr": ["dambıl"]}),
    "cast_iron_pan": (["732391"], (2.5, 4.5), (10, 35), {
        "en": ["cast iron pan"], "sr": ["tiganj od livenog gvožđa"], "hr": ["tava od lijevanog željeza"],
        "mk": ["тава од леано железо"], "sq": ["tigan gize"], "de": ["Gusseisenpfanne"], "tr": ["döküm tava"]}),
    "sporting": (["950699", "9506"], (0.3, 2.0), (8, 60), {
        "en": ["sporting goods", "sports equipment"], "sr": ["sportska oprema"], "hr": ["sportska oprema"],
        "mk": ["спортска опрема"], "sq": ["pajisje sportive"], "de": ["Sportartikel"], "tr": ["spor malzemesi"]}),
    "toys": (["950300", "9503"], (0.2, 1.5), (5, 40), {
        "en": ["toys", "kids toy", "building blocks"], "sr": ["igračke", "igračka za decu"], "hr": ["igračke"],
        "mk": ["играчки", "играчка"], "sq": ["lodra", "lodër për fëmijë"], "de": ["Spielzeug"], "tr": ["oyuncak"]}),
    "airsoft": (["930400", "950300"], (0.5, 1.3), (20, 110), {
        "en": ["airsoft pistol", "airsoft gun 6mm", "gel blaster toy"], "sr": ["airsoft pištolj", "airsoft puška"],
        "hr": ["airsoft pištolj"], "mk": ["ерсофт пиштол"], "sq": ["pistoletë airsoft"], "de": ["Softair-Pistole"],
        "tr": ["airsoft tabanca"]}),
    "toy_gun": (["950300"], (0.1, 0.5), (3, 15), {
        "en": ["toy gun", "water pistol"], "sr": ["pištolj igračka", "pištolj na vodu"], "hr": ["pištolj igračka"],
        "mk": ["пиштол играчка"], "sq": ["pistoletë lodër"], "de": ["Spielzeugpistole"], "tr": ["oyuncak tabanca"]}),
    "scope": (["901310", "900580"], (0.4, 1.0), (60, 400), {
        "en": ["rifle scope", "hunting binoculars", "red dot sight"], "sr": ["optički nišan", "lovački dvogled"],
        "hr": ["optika za lov", "dalekozor"], "mk": ["оптички нишан", "двоглед"], "sq": ["dylbi gjuetie"],
        "de": ["Zielfernrohr", "Jagdfernglas"], "tr": ["av dürbünü", "nişangah"]}),
    "hunting_wear": (["620193", "6211", "640391"], (0.6, 2.0), (25, 150), {
        "en": ["hunting jacket", "hunting boots", "camouflage trousers"], "sr": ["lovačka jakna", "lovačke čizme"],
        "hr": ["lovačka odjeća"], "mk": ["ловечка јакна", "ловечки чизми"], "sq": ["xhaketë gjuetie"],
        "de": ["Jagdjacke", "Jagdstiefel"], "tr": ["av montu", "kamuflaj pantolon"]}),
    "hunting_knife": (["821192", "8211"], (0.2, 0.6), (15, 90), {
        "en": ["hunting knife"], "sr": ["lovački nož"], "hr": ["lovački nož"], "mk": ["ловечки нож"],
        "sq": ["thikë gjuetie"], "de": ["Jagdmesser"], "tr": ["av bıçağı"]}),
    "decoy": (["970600", "392690"], (0.5, 2.5), (10, 50), {
        "en": ["duck decoys", "game call"], "sr": ["mamci za patke", "vabilica"], "hr": ["mamci za lov"],
        "mk": ["мамци за лов"], "sq": ["karrem gjuetie"], "de": ["Lockenten"], "tr": ["av düdüğü"]}),
    "coffee": (["090121", "0901"], (0.25, 1.0), (4, 20), {
        "en": ["coffee"], "sr": ["kafa", "mlevena kafa"], "hr": ["kava"], "mk": ["кафе"], "sq": ["kafe"],
        "de": ["Kaffee"], "tr": ["kahve", "Türk kahvesi"]}),
    "spices": (["091099", "0910"], (0.1, 1.0), (3, 15), {
        "en": ["spices", "herbal tea"], "sr": ["začini", "čaj"], "hr": ["začini", "čaj"], "mk": ["зачини", "чај"],
        "sq": ["erëza", "çaj mali"], "de": ["Gewürze", "Kräutertee"], "tr": ["baharat", "bitki çayı"]}),
    "home_food": (["200599", "2106", "190590"], (1.0, 6.0), (5, 30), {
        "en": ["homemade food", "food products"], "sr": ["domaća hrana", "ajvar i slatko", "hrana"],
        "hr": ["domaća hrana", "prehrambeni proizvodi"], "mk": ["домашна храна", "ајвар"], "sq": ["ushqime shtëpie"],
        "de": ["Lebensmittel", "hausgemachte Lebensmittel"], "tr": ["gıda", "ev yapımı yiyecek"]}),
    "family_parcel": (["620000", "9803", "6309"], (2.0, 9.0), (10, 60), {
        "en": ["clothes and food for family", "personal effects", "used clothing"], "sr": ["garderoba i hrana", "lične stvari", "odeća"],
        "hr": ["odjeća i hrana", "osobne stvari", "rabljena odjeća"], "mk": ["облека и храна", "лични работи", "облека"],
        "sq": ["rroba dhe ushqime", "sende personale"], "de": ["Kleidung und Lebensmittel", "gebrauchte Kleidung"],
        "tr": ["kıyafet ve gıda", "kişisel eşya"]}),
    "documents": (["490110", "4820"], (0.05, 0.5), (0, 2), {
        "en": ["documents", "papers", "contract copies"], "sr": ["dokumenta", "papiri"], "hr": ["dokumenti"],
        "mk": ["документи"], "sq": ["dokumente", "letra"], "de": ["Dokumente", "Unterlagen"], "tr": ["belgeler", "evrak"]}),
    "gift": (["9803", "950510", "711719"], (0.2, 2.0), (5, 40), {
        "en": ["gift", "present", "birthday gift"], "sr": ["poklon", "rođendanski poklon"], "hr": ["poklon", "dar"],
        "mk": ["подарок"], "sq": ["dhuratë"], "de": ["Geschenk"], "tr": ["hediye"]}),
    "samples": (["9804", "482090", "392690"], (0.1, 1.5), (0, 10), {
        "en": ["samples", "free sample, no commercial value"], "sr": ["uzorci", "uzorak bez vrednosti"],
        "hr": ["uzorci"], "mk": ["мостри", "примерок"], "sq": ["mostra"], "de": ["Muster ohne Wert"], "tr": ["numune"]}),
    "laptop": (["847130"], (1.5, 2.8), (250, 900), {
        "en": ["laptop", "notebook computer"], "sr": ["laptop"], "hr": ["prijenosno računalo"], "mk": ["лаптоп"],
        "sq": ["laptop"], "de": ["Notebook"], "tr": ["dizüstü bilgisayar"]}),
    "headphones": (["851830"], (0.1, 0.4), (10, 120), {
        "en": ["wireless earbuds", "headphones"], "sr": ["slušalice"], "hr": ["slušalice"], "mk": ["слушалки"],
        "sq": ["kufje"], "de": ["Kopfhörer"], "tr": ["kulaklık"]}),
    "led": (["940542", "853950"], (0.2, 1.2), (5, 35), {
        "en": ["LED lights", "LED strip"], "sr": ["LED sijalice", "LED traka"], "hr": ["LED žarulje"],
        "mk": ["ЛЕД сијалици"], "sq": ["llamba LED"], "de": ["LED-Leuchten"], "tr": ["LED ampul"]}),
    "bike_parts": (["871499", "8714"], (0.3, 2.5), (10, 80), {
        "en": ["bicycle parts", "bike chain"], "sr": ["delovi za bicikl"], "hr": ["dijelovi za bicikl"],
        "mk": ["делови за велосипед"], "sq": ["pjesë biçiklete"], "de": ["Fahrradteile"], "tr": ["bisiklet parçası"]}),
    "jewelry": (["711719", "7117"], (0.02, 0.2), (3, 30), {
        "en": ["fashion jewellery", "bracelet"], "sr": ["bižuterija", "narukvica"], "hr": ["bižuterija"],
        "mk": ["бижутерија"], "sq": ["bizhuteri"], "de": ["Modeschmuck"], "tr": ["bijuteri"]}),
    "textile_roll": (["520832", "540752", "6006"], (20, 60), (60, 400), {
        "en": ["woven fabric rolls", "knitted fabric"], "sr": ["tkanina u balama"], "hr": ["tkanina"],
        "mk": ["ткаенина"], "sq": ["stof"], "de": ["Stoffballen"], "tr": ["kumaş top", "örme kumaş"]}),
    "bearings": (["848210", "848320"], (2.0, 15.0), (20, 120), {
        "en": ["ball bearings", "machine parts"], "sr": ["ležajevi", "mašinski delovi"], "hr": ["ležajevi"],
        "mk": ["лежишта", "машински делови"], "sq": ["kushineta"], "de": ["Kugellager", "Maschinenteile"],
        "tr": ["rulman", "makine parçası"]}),
    "fruit": (["080300", "080450", "081010"], (10, 30), (10, 60), {
        "en": ["fresh bananas", "mangoes", "fresh fruit"], "sr": ["sveže voće"], "hr": ["svježe voće"],
        "mk": ["свежо овошје"], "sq": ["fruta të freskëta"], "de": ["frisches Obst"], "tr": ["taze meyve"]}),
    "chemicals": (["382499", "291400", "340220"], (5, 25), (20, 150), {
        "en": ["industrial cleaner", "chemical raw material", "cleaning agent"], "sr": ["industrijsko sredstvo za čišćenje"],
        "hr": ["kemijska sirovina"], "mk": ["хемиска суровина"], "sq": ["lëndë kimike"], "de": ["Industriereiniger"],
        "tr": ["kimyasal hammadde"]}),
    "alarm_pistol_licensed": (["930390"], (0.7, 1.1), (70, 180), {
        "en": ["blank firing pistol, licensed dealer import", "signal pistol with import permit"],
        "sr": ["startni pištolj, dozvola MUP", "gasni pištolj - uvoz po dozvoli"], "hr": ["startni pištolj, odobrenje"],
        "mk": ["стартен пиштол, дозвола"], "sq": ["pistoletë sinjalizuese me leje"], "de": ["Schreckschusspistole PTB"],
        "tr": ["kurusıkı tabanca, ihracat izinli"]}),
    "cigarette_papers": (["481310"], (0.1, 0.6), (2, 12), {
        "en": ["rolling papers"], "sr": ["rizle"], "hr": ["rizle"], "mk": ["ризли"], "sq": ["letra cigareje"],
        "de": ["Zigarettenpapier"], "tr": ["sigara kağıdı"]}),
}

# Cover stories used for illicit goods: words from the innocent vocabulary above, so that the
# description alone never tells. Ordered roughly by how often smugglers are reported to use them.
COVERS = {
    "firearm_part": ["car_parts", "metal_parts", "hand_tools", "bike_parts", "fishing_reel", "sporting",
                     "toys", "gift", "samples", "bearings", "shock_absorber", "tshirt"],
    "firearm": ["car_parts", "hand_tools", "family_parcel", "metal_parts", "gift", "home_food", "sporting",
                "jacket", "fishing_reel"],
    "ammunition": ["fishing_lead", "metal_parts", "car_parts", "hand_tools", "home_food", "samples", "gift",
                   "dumbbells", "bearings"],
    "convertible": ["toys", "toy_gun", "gift", "sporting", "airsoft", "charger", "cosmetics", "hand_tools", "samples"],
    "explosive": ["led", "charger", "metal_parts", "toys", "samples", "chemicals", "hand_tools"],
    "drugs": ["spices", "coffee", "tshirt", "home_food", "supplements", "cosmetics", "fruit", "jacket", "chemicals",
              "family_parcel", "sneakers"],
    "cash": ["documents", "gift", "books", "family_parcel", "jacket", "samples"],
    "cigarettes": ["family_parcel", "home_food", "textile_roll", "tshirt", "gift"],
    "counterfeit": ["tshirt", "sneakers", "jacket", "headphones", "cosmetics", "jewelry"],
}
# Plain-spoken words that slip into a few illicit descriptions (a weak, not decisive, signal).
SLIPS = {
    "firearm_part": ["receiver", "slide assembly", "barrel blank", "trigger group", "recoil spring kit",
                     "80% lower", "cev", "навлака", "zatvarač", "Verschluss", "namlu"],
    "firearm": ["stara lovačka puška - delovi", "antique gun parts", "dekoracija", "zbirka"],
    "ammunition": ["kal. 7,62", "municija za lov", "патрони", "fişek", "Patronen"],
    "convertible": ["start pistol", "alarm pistol 9mm PAK", "gasni pištolj", "kurusıkı", "Schreckschuss"],
    "explosive": ["detonator", "pirotehnika", "петарди", "fishekzjarre", "Sprengkapsel"],
    "drugs": ["herbal blend", "aroma", "kratom", "CBD", "bath salts"],
    "cash": ["novac", "pare", "lekë", "para"],
}

# Findings an officer records per goods kind (records.md §2 categories), with a description.
FINDINGS = {
    "firearm": [("pistol", "pistol, disassembled (frame, slide, barrel)"),
                ("rifle", "hunting rifle, stock removed"), ("carbine", "carbine M59/66, parts"),
                ("assault_rifle", "Kalashnikov-pattern rifle, dismantled"), ("revolver", "revolver")],
    "firearm_part": [("firearm_part", "barrel and slide"), ("firearm_part", "upper receiver"),
                     ("firearm_component", "trigger mechanism components"), ("firearm_part", "frame")],
    "ammunition": [("ammunition", "cartridges 7.62x39"), ("ammunition", "cartridges 9x19"),
                   ("ammunition", "shotgun shells 12/70")],
    "convertible": [("converted_or_convertible_weapon", "blank-firing pistol, barrel drilled"),
                    ("converted_or_convertible_weapon", "gas pistol, convertible")],
    "explosive": [("explosive", "detonators"), ("explosive", "plastic explosive"), ("explosive", "pyrotechnic charges")],
    "drugs": [("drugs", "cannabis herb"), ("drugs", "cocaine"), ("drugs", "amphetamine precursor (BMK)"),
              ("drugs", "MDMA tablets")],
    "cash": [("cash", "banknotes EUR"), ("cash", "banknotes USD")],
    "cigarettes": [("other", "cigarettes without excise stamps")],
    "counterfeit": [("other", "counterfeit branded goods")],
}

# Surnames have a long tail: besides the common ones above, roots and endings make thousands, so
# that a list of a thousand names does not collide with a third of the traffic by chance.
SURNAME_PARTS = {
    "sr": (["Rad", "Mil", "Stan", "Vuk", "Drag", "Bog", "Ned", "Pav", "Jak", "Mar", "Luk", "Živ", "Vel", "Ran",
            "Mirk", "Zor", "Bran", "Crn", "Bel", "Gruj", "Kost", "Sim", "Ign", "Dob", "Krst", "Mladen", "Obrad",
            "Pej", "Ras", "Sav", "Tešan", "Urošev", "Vasil", "Zdrav", "Đur", "Šolaj", "Čupr", "Lal", "Mat", "Nenad",
            "Prod", "Rist", "Spas", "Trif", "Vid", "Bošnjak", "Gavril", "Jeftim", "Kalin", "Momir"],
           ["ović", "ević", "ić", "inović", "ičić", "ašević", "enović", "anović", "ulović", "ković"]),
    "mk": (["Trajk", "Stoj", "Petr", "Ang", "Ristov", "Spas", "Georgi", "Mitr", "Todor", "Iliev", "Velk", "Nedelk",
            "Bogdan", "Trpč", "Kjos", "Arsov", "Blaž", "Cvet", "Dimov", "Gjork", "Jank", "Kral", "Lazar", "Manas",
            "Naum", "Pop", "Serafim", "Taš", "Zdrav", "Koc"],
           ["ovski", "evski", "oski", "ski", "ov", "ev", "ovska", "ievski"]),
    "sq": (["Hasan", "Demir", "Bardh", "Lul", "Shkurt", "Kastrat", "Kuç", "Mal", "Prend", "Zen", "Sejd", "Ibrahim",
            "Halil", "Bajram", "Dema", "Gjon", "Lleshi", "Memet", "Osman", "Rexh", "Sal", "Tahir", "Vesel",
            "Xhemal", "Ymer", "Zog", "Brah", "Cen", "Dush", "Fejz"],
           ["aj", "i", "ku", "llari", "ja", "ani", "ollari", "iu", "eni", "aku"]),
    "tr": (["Ak", "Kara", "Öz", "Er", "Gül", "Tekin", "Yıldırım", "Bulut", "Aslan", "Şen", "Uç", "Gök", "Alt",
            "Bozkurt", "Çak", "Dur", "Ek", "Ilgaz", "Kocaman", "Sarı"],
           ["kaya", "demir", "türk", "doğan", "can", "han", "oğlu", "soy", "taş", "yol", "el", "baş"]),
    "bg": (["Ivan", "Petk", "Kolev", "Marin", "Stan", "Rus", "Dobr", "Vasil", "Yank", "Zlatev", "Mladen", "Hrist",
            "Kost", "Lyub", "Tsvetk", "Draganov"], ["ov", "ev", "ova", "eva", "ski"]),
    "de": (["Hof", "Berg", "Stein", "Wald", "Bach", "Brand", "Eber", "Frei", "Gold", "Kirch", "Lang", "Neu", "Ober",
            "Rosen", "Schwarz", "Weiß", "Zimmer", "Kessel", "Linde", "Moos"],
           ["mann", "er", "hauser", "huber", "meier", "bauer", "müller", "inger", "hofer", "lechner"]),
}
SURNAME_PARTS.update({"bs": SURNAME_PARTS["sr"], "me": SURNAME_PARTS["sr"], "hr": SURNAME_PARTS["sr"]})
