"""People, companies, places and phones of the region and of its trading partners, and the ways one
name gets written differently: Cyrillic and Latin, with and without diacritics, order swapped,
typos, initials."""

from __future__ import annotations

import random
import unicodedata

# --- names by community (native script) --------------------------------------------------------

NAMES = {
    "sr": (["Marko", "Nikola", "Stefan", "Miloš", "Nemanja", "Aleksandar", "Dragan", "Zoran", "Dejan", "Milan", "Lazar", "Luka", "Filip", "Ognjen", "Petar", "Vojislav", "Miroslav", "Saša", "Igor", "Ivan", "Mihailo", "Danilo",
            "Goran", "Vladimir", "Srđan", "Đorđe", "Željko", "Ljubiša", "Bojan", "Predrag", "Nenad", "Uroš",
            "Slobodan", "Vukašin", "Radomir", "Dušan", "Branislav"],
           ["Jelena", "Milica", "Ana", "Marija", "Jovana", "Dragana", "Snežana", "Ivana", "Tijana", "Ljiljana",
            "Gordana", "Nataša", "Biljana", "Katarina", "Svetlana", "Vesna", "Mirjana", "Danijela", "Sanja", "Jasmina", "Nevena", "Teodora", "Sara", "Kristina", "Aleksandra", "Maja", "Zorica", "Slavica", "Dušica", "Olivera", "Branka", "Radmila"],
           ["Petrović", "Jovanović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Stanković",
            "Pavlović", "Milošević", "Popović", "Živković", "Todorović", "Kovačević", "Lazić", "Radovanović",
            "Mitić", "Savić", "Vuković", "Đukić", "Ristić", "Simić", "Janković", "Obradović", "Knežević",
            "Despotović", "Lukić", "Šarić", "Ćirić", "Vasiljević", "Milovanović", "Aleksić", "Stefanović", "Jović", "Filipović", "Gajić", "Tomić", "Mladenović", "Bogdanović", "Kostić", "Milenković", "Radosavljević", "Nešić", "Urošević", "Veljković", "Đurić", "Blagojević", "Maksimović", "Zdravković", "Arsić", "Paunović", "Cvetković", "Dimitrijević", "Trifunović", "Vidaković", "Marjanović"]),
    "bs": (["Emir", "Amar", "Adnan", "Haris", "Kenan", "Mirza", "Edin", "Nermin", "Jasmin", "Senad", "Dženan",
            "Almir", "Samir", "Tarik", "Elvedin", "Mirsad", "Nihad", "Armin", "Faruk", "Benjamin", "Damir", "Eldar", "Muhamed", "Vedad", "Zlatan"],
           ["Amra", "Lejla", "Selma", "Aida", "Emina", "Merima", "Ajla", "Sabina", "Amela", "Dženana", "Belma", "Azra", "Lamija", "Naida", "Edina", "Alma", "Dijana", "Medina"],
           ["Hodžić", "Hadžić", "Begić", "Delić", "Mehmedović", "Husić", "Omerović", "Mujić", "Salihović",
            "Ibrahimović", "Hasanović", "Karić", "Subašić", "Šehić", "Avdić", "Halilović", "Čaušević", "Softić", "Alić", "Bešić", "Džafić", "Kurtović", "Muratović", "Hrustić", "Zukić", "Smajić", "Hadžiahmetović", "Imamović", "Osmanović", "Sarajlić", "Fazlić", "Bajrić"]),
    "me": (["Vuk", "Luka", "Filip", "Balša", "Nikola", "Milo", "Danilo", "Vido", "Petar", "Božidar", "Marko", "Dragan", "Vladimir", "Miloš", "Andrija", "Novak", "Savo", "Radovan", "Žarko", "Veselin"],
           ["Milena", "Sanja", "Andrea", "Vesna", "Danijela", "Jelena", "Tamara", "Ivana", "Milica", "Dragana", "Marija", "Nataša", "Biljana", "Jovana"],
           ["Vujović", "Radulović", "Bulatović", "Vujošević", "Perović", "Lekić", "Raičević", "Šćekić",
            "Vučinić", "Đurović", "Popović", "Marinović", "Vukčević", "Mugoša", "Kalezić", "Bojović", "Ivanović", "Radonjić", "Šaranović", "Jovanović", "Kovačević", "Dragović", "Vuksanović", "Pejović", "Knežević", "Mijušković"]),
    "hr": (["Ivan", "Josip", "Tomislav", "Marko", "Luka", "Ante", "Mario", "Krešimir", "Dario", "Hrvoje", "Zvonimir", "Damir", "Goran", "Igor", "Dražen", "Filip", "Matej", "Davor", "Stjepan", "Nikola", "Domagoj"],
           ["Ivana", "Marija", "Petra", "Ana", "Maja", "Martina", "Kristina", "Lucija", "Mateja", "Nikolina", "Sandra", "Tea", "Dora", "Iva", "Katarina", "Snježana", "Mirela"],
           ["Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Knežević", "Vuković", "Perić", "Matić",
            "Tomić", "Grgić", "Blažević", "Pavić", "Božić", "Lovrić", "Šimić", "Brkić", "Vidović", "Radić", "Šarić", "Jukić", "Bošnjak", "Mikulić"]),
    "mk": (["Александар", "Горан", "Дарко", "Благој", "Бојан", "Игор", "Зоран", "Никола", "Ѓорѓи", "Влатко",
            "Дејан", "Тони", "Филип", "Кирил", "Методиј", "Стефан", "Марко", "Дарко", "Борис", "Љупчо", "Трајче", "Ванчо", "Зоран", "Мартин", "Петар"],
           ["Марија", "Елена", "Ивана", "Билјана", "Катерина", "Сања", "Маја", "Весна", "Ана", "Симона", "Александра", "Теодора", "Јована", "Ирена", "Даниела", "Наташа", "Снежана", "Жаклина"],
           ["Стојанов", "Петров", "Трајков", "Николов", "Јованов", "Димитров", "Илиев", "Ристов", "Спасов",
            "Атанасов", "Ѓорѓиев", "Костов", "Андонов", "Велјанов", "Крстев", "Митрев", "Стефанов", "Божинов", "Дуковски", "Серафимов", "Тасев", "Наумов", "Арсов", "Павлов", "Блажев", "Мицев", "Цветков"]),
    "sq": (["Arben", "Besnik", "Driton", "Ilir", "Fatmir", "Genc", "Agron", "Blerim", "Valon", "Shpëtim",
            "Ardit", "Erion", "Endrit", "Kujtim", "Gëzim", "Florim", "Bekim", "Labinot", "Artan", "Dritan", "Alban", "Burim", "Fisnik", "Granit", "Jeton", "Lulzim", "Mentor", "Naim", "Petrit", "Qëndrim", "Ramadan", "Skënder", "Taulant", "Visar", "Xhevdet"],
           ["Arta", "Blerta", "Drita", "Elira", "Fjolla", "Mimoza", "Teuta", "Vjosa", "Lindita", "Valbona", "Albana", "Besa", "Donika", "Era", "Flutura", "Greta", "Hana", "Jehona", "Kaltrina", "Lumnije", "Merita", "Nora", "Rina", "Shqipe", "Vlora", "Zana"],
           ["Krasniqi", "Gashi", "Berisha", "Hoxha", "Shala", "Morina", "Kelmendi", "Bytyqi", "Hasani", "Rexhepi",
            "Leka", "Çela", "Dervishi", "Marku", "Kola", "Shehu", "Xhaferi", "Ahmeti", "Muça", "Dushku",
            "Thaçi", "Zeqiri", "Osmani", "Hyseni", "Bajrami", "Sadiku", "Gjoka", "Prenga", "Qosja", "Hajdari", "Mustafa", "Sejdiu", "Rama", "Basha", "Daci", "Kastrati", "Limani", "Nikolla", "Pllana", "Sylejmani", "Tahiri", "Veseli", "Ymeri", "Zeka"]),
    "bg": (["Георги", "Иван", "Димитър", "Петър", "Николай", "Христо", "Стоян", "Тодор", "Васил", "Атанас",
            "Красимир", "Пламен", "Калоян", "Борислав", "Любомир", "Веселин", "Мартин", "Александър", "Емил", "Валентин", "Ивайло", "Светослав"],
           ["Мария", "Елена", "Десислава", "Йорданка", "Радка", "Силвия", "Гергана", "Цветелина", "Иванка", "Милена", "Николета", "Виктория", "Стефка", "Росица", "Теодора", "Галина"],
           ["Иванов", "Петров", "Георгиев", "Димитров", "Николов", "Стоянов", "Тодоров", "Христов", "Ангелов",
            "Колев", "Маринов", "Йорданов", "Стефанов", "Илиев", "Павлов", "Костадинов", "Симеонов", "Русев", "Атанасов", "Попов", "Кирилов", "Василев", "Михайлов", "Младенов"]),
    "tr": (["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre", "Burak", "Serkan"],
           ["Ayşe", "Fatma", "Zeynep", "Elif", "Emine", "Hatice"],
           ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
            "Arslan", "Doğan", "Koç", "Kurt"]),
    "de": (["Thomas", "Michael", "Stefan", "Andreas", "Markus", "Jürgen", "Klaus", "Tobias", "Florian", "Lukas"],
           ["Sabine", "Julia", "Katrin", "Anna", "Petra", "Monika", "Lena"],
           ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hofer", "Gruber",
            "Huber", "Bauer", "Koch", "Wolf"]),
    "it": (["Marco", "Luca", "Giuseppe", "Alessandro", "Andrea", "Francesco"], ["Giulia", "Francesca", "Chiara"],
           ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo"]),
    "sv": (["Erik", "Lars", "Anders", "Johan", "Magnus"], ["Anna", "Karin", "Emma", "Sara"],
           ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson"]),
    "en": (["James", "John", "Robert", "Michael", "David", "William", "Daniel", "Kevin", "Brian"],
           ["Mary", "Jennifer", "Linda", "Sarah", "Jessica", "Emily"],
           ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Clark"]),
    "ro": (["Andrei", "Mihai", "Ion", "Alexandru", "Florin", "Cristian"], ["Elena", "Ioana", "Maria", "Andreea"],
           ["Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe"]),
    "el": (["Georgios", "Dimitrios", "Konstantinos", "Ioannis", "Nikolaos"], ["Maria", "Eleni", "Katerina"],
           ["Papadopoulos", "Papadakis", "Georgiou", "Nikolaidis", "Karagiannis", "Oikonomou"]),
    "pl": (["Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin"], ["Anna", "Katarzyna", "Agnieszka"],
           ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski"]),
    "cs": (["Jan", "Petr", "Jiří", "Martin", "Tomáš", "Lukáš"], ["Jana", "Eva", "Lucie"],
           ["Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Horák"]),
    "hu": (["László", "István", "Zoltán", "Gábor", "Attila"], ["Katalin", "Eszter", "Zsófia"],
           ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga"]),
    "nl": (["Jan", "Pieter", "Sander", "Thijs", "Bram"], ["Anouk", "Sanne", "Lotte"],
           ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser"]),
    "fr": (["Jean", "Pierre", "Nicolas", "Julien", "Thomas"], ["Marie", "Camille", "Julie"],
           ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre"]),
    "es": (["Carlos", "Luis", "José", "Andrés", "Diego"], ["María", "Lucía", "Daniela"],
           ["García", "Rodríguez", "Pérez", "Gómez", "Torres", "Vargas", "Mendoza"]),
}

# which communities live where, with weights (the diaspora lives abroad under its own names)
COMMUNITIES = {
    "RS": [("sr", 90), ("bs", 4), ("hr", 3), ("sq", 3)],
    "BA": [("bs", 50), ("sr", 32), ("hr", 18)],
    "ME": [("me", 70), ("sr", 10), ("bs", 10), ("sq", 10)],
    "MK": [("mk", 70), ("sq", 28), ("tr", 2)],
    "AL": [("sq", 100)],
    "XK": [("sq", 92), ("sr", 5), ("bs", 3)],
    "BG": [("bg", 90), ("tr", 10)],
    "HR": [("hr", 92), ("sr", 5), ("bs", 3)],
    "SI": [("hr", 30), ("bs", 20), ("sr", 20), ("de", 30)],
    "RO": [("ro", 100)],
    "GR": [("el", 90), ("sq", 10)],
    "TR": [("tr", 95), ("bs", 3), ("sq", 2)],
    "DE": [("de", 62), ("tr", 8), ("sr", 8), ("bs", 7), ("sq", 8), ("hr", 4), ("mk", 3)],
    "AT": [("de", 60), ("sr", 14), ("bs", 10), ("hr", 6), ("tr", 6), ("sq", 4)],
    "CH": [("de", 62), ("sq", 18), ("sr", 8), ("mk", 4), ("bs", 4), ("it", 4)],
    "SE": [("sv", 70), ("bs", 12), ("sr", 8), ("sq", 10)],
    "IT": [("it", 85), ("sq", 15)],
    "NL": [("nl", 70), ("tr", 15), ("sq", 5), ("bs", 10)],
    "BE": [("nl", 45), ("fr", 35), ("sq", 20)],
    "FR": [("fr", 70), ("sr", 15), ("sq", 15)],
    "GB": [("en", 85), ("sq", 15)],
    "US": [("en", 88), ("sr", 6), ("sq", 6)],
    "HU": [("hu", 85), ("sr", 15)],
    "CZ": [("cs", 100)],
    "SK": [("cs", 100)],
    "PL": [("pl", 100)],
}

CYRILLIC_NATIVE = {"mk", "bg"}

# --- places -------------------------------------------------------------------------------------

PLACES = {
    "RS": [("Beograd", "Београд", "11000"), ("Novi Sad", "Нови Сад", "21000"), ("Niš", "Ниш", "18000"),
           ("Kragujevac", "Крагујевац", "34000"), ("Subotica", "Суботица", "24000"), ("Čačak", "Чачак", "32000"),
           ("Kraljevo", "Краљево", "36000"), ("Novi Pazar", "Нови Пазар", "36300"), ("Šabac", "Шабац", "15000"),
           ("Smederevo", "Смедерево", "11300"), ("Valjevo", "Ваљево", "14000"), ("Leskovac", "Лесковац", "16000"),
           ("Beograd-Zemun", "Београд-Земун", "11080"), ("Pančevo", "Панчево", "26000")],
    "BA": [("Sarajevo", "Сарајево", "71000"), ("Banja Luka", "Бања Лука", "78000"), ("Tuzla", "Тузла", "75000"),
           ("Mostar", "Мостар", "88000"), ("Zenica", "Зеница", "72000"), ("Bijeljina", "Бијељина", "76300"),
           ("Brčko", "Брчко", "76100"), ("Bihać", "Бихаћ", "77000"), ("Doboj", "Добој", "74000")],
    "ME": [("Podgorica", "Подгорица", "81000"), ("Nikšić", "Никшић", "81400"), ("Bar", "Бар", "85000"),
           ("Budva", "Будва", "85310"), ("Bijelo Polje", "Бијело Поље", "84000"), ("Cetinje", "Цетиње", "81250"),
           ("Rožaje", "Рожаје", "84310")],
    "MK": [("Skopje", "Скопје", "1000"), ("Bitola", "Битола", "7000"), ("Kumanovo", "Куманово", "1300"),
           ("Tetovo", "Тетово", "1200"), ("Gostivar", "Гостивар", "1230"), ("Ohrid", "Охрид", "6000"),
           ("Štip", "Штип", "2000"), ("Prilep", "Прилеп", "7500"), ("Strumica", "Струмица", "2400")],
    "AL": [("Tiranë", None, "1001"), ("Durrës", None, "2001"), ("Shkodër", None, "4001"), ("Elbasan", None, "3001"),
           ("Vlorë", None, "9401"), ("Fier", None, "9301"), ("Korçë", None, "7001"), ("Lezhë", None, "4501")],
    "XK": [("Prishtinë", "Приштина", "10000"), ("Prizren", "Призрен", "20000"), ("Pejë", "Пећ", "30000"),
           ("Gjakovë", "Ђаковица", "50000"), ("Ferizaj", "Урошевац", "70000"), ("Mitrovicë", "Митровица", "40000"),
           ("Gjilan", "Гњилане", "60000")],
    "BG": [("Sofia", "София", "1000"), ("Plovdiv", "Пловдив", "4000"), ("Varna", "Варна", "9000"),
           ("Burgas", "Бургас", "8000"), ("Ruse", "Русе", "7000"), ("Stara Zagora", "Стара Загора", "6000"),
           ("Blagoevgrad", "Благоевград", "2700"), ("Haskovo", "Хасково", "6300")],
    "HR": [("Zagreb", None, "10000"), ("Split", None, "21000"), ("Rijeka", None, "51000"), ("Osijek", None, "31000"),
           ("Zadar", None, "23000"), ("Slavonski Brod", None, "35000"), ("Vukovar", None, "32000")],
    "SI": [("Ljubljana", None, "1000"), ("Maribor", None, "2000"), ("Celje", None, "3000"), ("Koper", None, "6000")],
    "RO": [("București", None, "010011"), ("Timișoara", None, "300001"), ("Cluj-Napoca", None, "400001"),
           ("Constanța", None, "900001")],
    "GR": [("Athina", None, "105 52"), ("Thessaloniki", None, "546 24"), ("Ioannina", None, "454 44")],
    "TR": [("İstanbul", None, "34000"), ("Ankara", None, "06000"), ("İzmir", None, "35000"), ("Bursa", None, "16000"),
           ("Konya", None, "42000"), ("Edirne", None, "22000"), ("Gaziantep", None, "27000")],
    "DE": [("Berlin", None, "10115"), ("München", None, "80331"), ("Stuttgart", None, "70173"),
           ("Frankfurt am Main", None, "60311"), ("Köln", None, "50667"), ("Hamburg", None, "20095"),
           ("Dortmund", None, "44135"), ("Nürnberg", None, "90402"), ("Düsseldorf", None, "40213"),
           ("Ulm", None, "89073"), ("Augsburg", None, "86150")],
    "AT": [("Wien", None, "1100"), ("Wien", None, "1160"), ("Graz", None, "8010"), ("Linz", None, "4020"),
           ("Salzburg", None, "5020"), ("Innsbruck", None, "6020")],
    "CH": [("Zürich", None, "8004"), ("Basel", None, "4051"), ("Bern", None, "3011"), ("Luzern", None, "6003"),
           ("St. Gallen", None, "9000"), ("Winterthur", None, "8400")],
    "SE": [("Stockholm", None, "111 20"), ("Göteborg", None, "411 03"), ("Malmö", None, "211 20"),
           ("Uppsala", None, "753 20"), ("Helsingborg", None, "252 21")],
    "IT": [("Milano", None, "20121"), ("Roma", None, "00184"), ("Trieste", None, "34121"), ("Bari", None, "70121")],
    "NL": [("Amsterdam", None, "1012 AB"), ("Rotterdam", None, "3011 AA"), ("Venlo", None, "5911 AA")],
    "BE": [("Bruxelles", None, "1000"), ("Antwerpen", None, "2000"), ("Liège", None, "4000")],
    "FR": [("Paris", None, "75011"), ("Lyon", None, "69003"), ("Strasbourg", None, "67000")],
    "GB": [("London", None, "E1 6AN"), ("Birmingham", None, "B1 1AA"), ("Manchester", None, "M1 1AE")],
    "US": [("Houston, TX", None, "77002"), ("Phoenix, AZ", None, "85004"), ("Tampa, FL", None, "33602"),
           ("Chicago, IL", None, "60601"), ("St. Louis, MO", None, "63101"), ("Reno, NV", None, "89501"),
           ("Jacksonville, FL", None, "32202"), ("Dallas, TX", None, "75201")],
    "CN": [("Shenzhen", None, "518000"), ("Guangzhou", None, "510000"), ("Yiwu", None, "322000"),
           ("Dongguan", None, "523000"), ("Ningbo", None, "315000"), ("Hangzhou", None, "310000")],
    "HU": [("Budapest", None, "1051"), ("Szeged", None, "6720")],
    "CZ": [("Praha", None, "110 00"), ("Brno", None, "602 00"), ("Uherský Brod", None, "688 01")],
    "SK": [("Bratislava", None, "811 01"), ("Košice", None, "040 01")],
    "PL": [("Warszawa", None, "00-001"), ("Kraków", None, "30-001")],
    "BR": [("São Paulo", None, "01000-000"), ("Santos", None, "11010-000")],
    "EC": [("Guayaquil", None, "090101"), ("Quito", None, "170101")],
    "CO": [("Bogotá", None, "110111"), ("Medellín", None, "050001")],
    "AE": [("Dubai", None, "00000")],
    "IN": [("Mumbai", None, "400001"), ("Delhi", None, "110001")],
    "UA": [("Odesa", None, "65000"), ("Kyiv", None, "01001")],
}

STREETS = {
    "sr": ["Bulevar kralja Aleksandra", "Knez Mihailova", "Kralja Petra I", "Cara Dušana", "Njegoševa",
           "Vojvode Stepe", "Bulevar oslobođenja", "Nemanjina", "Jovana Cvijića", "Svetog Save", "Karađorđeva",
           "Cvijićeva", "Gavrila Principa", "Vuka Karadžića", "Omladinskih brigada"],
    "bs": ["Ferhadija", "Titova", "Zmaja od Bosne", "Maršala Tita", "Alipašina", "Branilaca grada",
           "Hamdije Kreševljakovića", "Bulevar Meše Selimovića"],
    "me": ["Bulevar Svetog Petra Cetinjskog", "Njegoševa", "Slobode", "Hercegovačka", "Jadranski put"],
    "hr": ["Ilica", "Vukovarska", "Ulica kralja Zvonimira", "Savska cesta", "Frankopanska", "Marmontova"],
    "mk": ["ул. Македонија", "бул. Партизански одреди", "ул. Илинденска", "бул. Гоце Делчев", "ул. Даме Груев",
           "ул. Маршал Тито", "бул. Кочо Рацин"],
    "sq": ["Rruga e Durrësit", "Rruga Myslym Shyri", "Rruga Nënë Tereza", "Rruga Skënderbeu", "Rruga Dëshmorët",
           "Bulevardi Bill Clinton", "Rruga Agim Ramadani", "Rruga UÇK", "Rruga Ismail Qemali"],
    "bg": ["ул. Витоша", "бул. Цар Освободител", "ул. Раковски", "бул. България", "ул. Граф Игнатиев",
           "бул. Мария Луиза"],
    "tr": ["Atatürk Caddesi", "İstiklal Caddesi", "Cumhuriyet Mahallesi", "Fatih Sokak", "Barbaros Bulvarı"],
    "de": ["Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Industriestraße", "Berliner Straße",
           "Lindenweg", "Mühlgasse"],
    "it": ["Via Roma", "Via Garibaldi", "Corso Italia"], "sv": ["Storgatan", "Drottninggatan", "Kungsgatan"],
    "en": ["Main Street", "Oak Avenue", "Industrial Park Rd", "Commerce Dr", "Elm Street"],
    "gb": ["High Street", "Station Road", "Church Lane", "Victoria Road"],
    "nl": ["Kalverstraat", "Prinsengracht", "Coolsingel", "Stationsweg", "Kerkstraat"],
    "fr": ["Rue de la République", "Avenue Jean Jaurès", "Rue Victor Hugo", "Boulevard Voltaire"],
    "be": ["Rue Neuve", "Meir", "Rue de Namur", "Kerkstraat"],
    "pl": ["ul. Marszałkowska", "ul. Długa", "ul. Floriańska", "ul. Polna"],
    "cs": ["Národní", "Masarykova", "Palackého", "Nádražní"],
    "hu": ["Váci utca", "Andrássy út", "Kossuth Lajos utca"],
    "pt": ["Rua Augusta", "Avenida Paulista", "Rua da Consolação"],
    "es": ["Avenida 9 de Octubre", "Calle 72", "Carrera 7", "Avenida Amazonas"],
    "ar": ["Sheikh Zayed Road", "Al Maktoum Street", "Al Quoz Industrial Area 3"],
    "hi": ["MG Road", "Nehru Place", "Andheri East, MIDC"],
    "uk": ["vul. Deribasivska", "vul. Khreshchatyk"],
    "ro": ["Strada Victoriei", "Bulevardul Unirii"], "el": ["Odos Egnatia", "Leoforos Kifisias"],
    "zh": ["Bantian Street, Longgang District", "Futian Road, Yiwu Intl Trade City", "Baiyun Avenue North",
           "Huaqiang North Road, Futian District", "Chang'an Town Industrial Zone"],
}

COUNTRY_STREET_LANG = {"RS": "sr", "BA": "bs", "ME": "me", "HR": "hr", "MK": "mk", "AL": "sq", "XK": "sq",
                       "BG": "bg", "TR": "tr", "DE": "de", "AT": "de", "CH": "de", "IT": "it", "SE": "sv",
                       "US": "en", "GB": "gb", "NL": "nl", "BE": "be", "FR": "fr", "RO": "ro", "GR": "el",
                       "CN": "zh", "SI": "hr", "HU": "hu", "CZ": "cs", "SK": "cs", "PL": "pl", "BR": "pt", "EC": "es",
                       "CO": "es", "AE": "ar", "IN": "hi", "UA": "uk"}

PHONE = {  # country code, mobile prefixes, subscriber digits
    "RS": ("381", ["60", "61", "62", "63", "64", "65", "66", "69"], 7), "BA": ("387", ["61", "62", "63", "65", "66"], 6),
    "ME": ("382", ["67", "68", "69"], 6), "MK": ("389", ["70", "71", "72", "75", "76", "77", "78"], 6),
    "AL": ("355", ["67", "68", "69"], 7), "XK": ("383", ["43", "44", "45", "48", "49"], 6),
    "BG": ("359", ["87", "88", "89", "98"], 7), "HR": ("385", ["91", "92", "95", "98", "99"], 7),
    "SI": ("386", ["31", "40", "41", "51"], 6), "RO": ("40", ["72", "73", "74", "75"], 7),
    "GR": ("30", ["69"], 8), "TR": ("90", ["530", "532", "535", "542", "544", "505"], 7),
    "DE": ("49", ["151", "152", "157", "160", "170", "176"], 8), "AT": ("43", ["650", "660", "664", "676", "699"], 7),
    "CH": ("41", ["76", "77", "78", "79"], 7), "SE": ("46", ["70", "72", "73", "76"], 7),
    "IT": ("39", ["320", "333", "347"], 7), "NL": ("31", ["6"], 8), "BE": ("32", ["470", "475", "484"], 6),
    "FR": ("33", ["6", "7"], 8), "GB": ("44", ["7700", "7911", "7480"], 6), "US": ("1", ["713", "602", "813", "312"], 7),
    "CN": ("86", ["138", "139", "186", "135"], 8), "HU": ("36", ["20", "30", "70"], 7), "CZ": ("420", ["601", "777"], 6),
    "SK": ("421", ["903", "905"], 6), "PL": ("48", ["501", "600"], 6), "BR": ("55", ["11"], 9), "EC": ("593", ["9"], 8),
    "CO": ("57", ["310", "311"], 7), "AE": ("971", ["50", "55"], 7), "IN": ("91", ["98", "99"], 8),
    "UA": ("380", ["67", "50"], 7),
}

EMAIL_DOMAINS = {"RS": ["gmail.com", "yahoo.com", "hotmail.com", "mts.rs", "eunet.rs", "sbb.rs"],
                 "BA": ["gmail.com", "hotmail.com", "bih.net.ba", "teol.net"], "ME": ["gmail.com", "t-com.me"],
                 "MK": ["gmail.com", "yahoo.com", "t-home.mk"], "AL": ["gmail.com", "yahoo.com", "hotmail.com"],
                 "XK": ["gmail.com", "hotmail.com", "outlook.com"], "BG": ["abv.bg", "gmail.com", "mail.bg"],
                 "HR": ["gmail.com", "net.hr", "t-com.hr"], "DE": ["gmx.de", "web.de", "gmail.com", "t-online.de"],
                 "AT": ["gmx.at", "gmail.com", "aon.at"], "CH": ["bluewin.ch", "gmail.com", "gmx.ch"],
                 "SE": ["gmail.com", "hotmail.se", "telia.com"], "TR": ["gmail.com", "hotmail.com", "yandex.com"]}

LEGAL_FORM = {"RS": ["d.o.o.", "DOO", "д.о.о.", "PR"], "BA": ["d.o.o.", "д.о.о."], "ME": ["d.o.o.", "DOO"],
              "HR": ["d.o.o.", "j.d.o.o."], "MK": ["ДООЕЛ", "ДОО", "DOOEL"], "AL": ["sh.p.k."], "XK": ["SH.P.K.", "L.L.C."],
              "BG": ["ЕООД", "ООД", "EOOD"], "TR": ["Ltd. Şti.", "A.Ş."], "DE": ["GmbH", "GmbH & Co. KG", "e.K."],
              "AT": ["GmbH", "KG"], "CH": ["AG", "GmbH"], "US": ["LLC", "Inc."], "CN": ["Co., Ltd."], "IT": ["S.r.l."],
              "SE": ["AB"], "GB": ["Ltd"], "NL": ["B.V."], "CZ": ["s.r.o."], "SK": ["s.r.o."], "SI": ["d.o.o."],
              "GR": ["E.P.E."], "RO": ["S.R.L."], "HU": ["Kft."], "PL": ["sp. z o.o."], "BE": ["BV"], "FR": ["SARL"]}

CN_WORDS = ["Huaxin", "Jiayu", "Xinda", "Tengfei", "Mingyang", "Haoyun", "Ruixiang", "Longsheng", "Baifu",
            "Jinlong", "Yuanfeng", "Shengda", "Kaixuan", "Hongtai"]
CN_TRADES = ["Technology", "Trading", "E-commerce", "Electronic", "Import & Export", "Supply Chain", "Industrial"]

# --- scripts and spelling -----------------------------------------------------------------------

_SR_LAT2CYR = [("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("Dž", "Џ"), ("Lj", "Љ"), ("Nj", "Њ"), ("DŽ", "Џ"), ("LJ", "Љ"), ("NJ", "Њ")]
_SR_SINGLE = dict(zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж"))
_SR_SINGLE.update({k.upper(): v.upper() for k, v in list(_SR_SINGLE.items())})
_CYR2LAT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
            "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
            "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
            "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "й": "y", "щ": "sht", "ъ": "a", "ь": "", "ю": "yu", "я": "ya"}
_BG_OVERRIDE = {"ж": "zh", "ц": "ts", "ч": "ch", "ш": "sh", "х": "h"}
_MK_OVERRIDE = {"ж": "zh", "ч": "ch", "ш": "sh", "џ": "dzh", "ц": "c"}


def to_cyrillic(text: str) -> str:
    """Serbian Latin to Serbian Cyrillic (the one-to-one official mapping)."""
    for a, b in _SR_LAT2CYR:
        text = text.replace(a, b)
    return "".join(_SR_SINGLE.get(ch, ch) for ch in text)


def to_latin(text: str, lang: str = "sr") -> str:
    """Cyrillic to Latin: Serbian Gaj's alphabet, or the Macedonian/Bulgarian romanisations."""
    table = dict(_CYR2LAT)
    if lang == "bg":
        table.update(_BG_OVERRIDE)
    elif lang == "mk":
        table.update(_MK_OVERRIDE)
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            rep = table[low]
            out.append(rep.capitalize() if ch != low and rep else rep)
        else:
            out.append(ch)
    return "".join(out)


_ASCII_FOLD = {"đ": "dj", "Đ": "Dj", "ı": "i", "İ": "I", "ß": "ss", "ø": "o"}


def strip_diacritics(text: str, *, dj: bool = True) -> str:
    text = "".join((_ASCII_FOLD.get(ch, ch) if dj or ch not in "đĐ" else ch) for ch in text)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def typo(rng: random.Random, text: str) -> str:
    """One slip of the keyboard or the ear: a dropped, doubled, swapped or replaced letter."""
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(4)
    if kind == 0:
        return text[:i] + text[i + 1:]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    if kind == 2 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    swaps = {"c": "ć", "ć": "č", "č": "c", "s": "š", "z": "ž", "i": "y", "j": "i", "e": "a", "o": "a", "k": "q",
             "ë": "e", "ç": "c", "v": "w", "h": "x", "и": "й", "е": "э"}
    return text[:i] + swaps.get(text[i], text[i]) + text[i + 1:]


def name_variant(rng: random.Random, name: str, lang: str, *, kinds: tuple[str, ...] | None = None) -> tuple[str, str]:
    """The same person written differently; returns (variant, kind of variant)."""
    options = list(kinds or ("script", "diacritics", "order", "typo", "initial", "upper", "middle"))
    rng.shuffle(options)
    parts = name.split()
    for kind in options:
        if kind == "script":
            if is_cyrillic(name):
                return to_latin(name, lang), kind
            if lang in ("sr", "me", "bs") and any(c.isalpha() for c in name):
                return to_cyrillic(name), kind
        elif kind == "diacritics":
            plain = strip_diacritics(name, dj=rng.random() < 0.6)
            if plain != name:
                return plain, kind
        elif kind == "order" and len(parts) >= 2:
            return " ".join(parts[1:] + parts[:1]) if rng.random() < 0.5 else (parts[-1] + ", " + " ".join(parts[:-1])), kind
        elif kind == "typo":
            out = typo(rng, name)
            if out != name:
                return out, kind
        elif kind == "initial" and len(parts) >= 2:
            return parts[0][0] + ". " + " ".join(parts[1:]), kind
        elif kind == "upper":
            return name.upper(), kind
        elif kind == "middle" and len(parts) == 2 and not is_cyrillic(name):
            return f"{parts[0]} {rng.choice('ABDGJMNPRSVZ')}. {parts[1]}", kind
        elif kind == "legal_form" and len(parts) >= 2:
            head, form = " ".join(parts[:-1]), parts[-1]
            other = {"d.o.o.": ["DOO", "doo", "d.o.o", ""], "DOO": ["d.o.o.", ""], "д.о.о.": ["DOO", "doo", ""],
                     "ДООЕЛ": ["DOOEL", "dooel", "ДОО", ""], "ЕООД": ["EOOD", "ООД", ""], "sh.p.k.": ["SHPK", "shpk", ""],
                     "SH.P.K.": ["SHPK", "sh.p.k.", ""], "GmbH": ["Gmbh", "GMBH", ""]}.get(form, ["", "Ltd"])
            return (head + " " + rng.choice(other)).strip(), kind
    return typo(rng, name), "typo"


def phone_number(rng: random.Random, country: str) -> tuple[str, str, str]:
    """(country code, national prefix, subscriber) for a mobile in that country."""
    cc, prefixes, n = PHONE.get(country, ("44", ["7700"], 6))
    return cc, rng.choice(prefixes), "".join(str(rng.randrange(10)) for _ in range(n))


def format_phone(rng: random.Random, phone: tuple[str, str, str], style: int | None = None) -> str:
    """One phone as people type it: international, 00-prefixed, national with trunk 0, grouped or not."""
    cc, pre, sub = phone
    style = rng.randrange(6) if style is None else style
    trunk = "" if cc in ("1", "39") else "0"
    if style == 0:
        return f"+{cc} {pre} {sub[:3]} {sub[3:]}"
    if style == 1:
        return f"+{cc}{pre}{sub}"
    if style == 2:
        return f"00{cc}{pre}{sub}"
    if style == 3:
        return f"{trunk}{pre}/{sub[:3]}-{sub[3:]}"
    if style == 4:
        return f"{trunk}{pre} {sub}"
    return f"+{cc} ({trunk}){pre} {sub}"
