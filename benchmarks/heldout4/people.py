"""People, companies and how their names, addresses and phones get written: Serbian and Macedonian
Cyrillic and Latin, Albanian, Bulgarian, Turkish; passports' English-style spellings; systems that
keep only unaccented capitals; typos, swapped order, initials."""

from __future__ import annotations

import random
import unicodedata

from . import world

NAMES = {
    "sr": (["Marko", "Nikola", "Stefan", "Miloš", "Dragan", "Zoran", "Nenad", "Dejan", "Goran", "Milan",
            "Aleksandar", "Vladimir", "Srđan", "Dušan", "Predrag", "Bojan", "Željko", "Radovan", "Vukašin",
            "Miodrag", "Đorđe", "Slobodan", "Veljko", "Ljubiša"],
           ["Jelena", "Milica", "Ana", "Marija", "Ivana", "Snežana", "Dragana", "Jovana", "Tijana", "Biljana",
            "Gordana", "Vesna", "Mirjana", "Svetlana", "Ljiljana", "Nataša"],
           ["Petrović", "Jovanović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Stanković",
            "Pavlović", "Todorović", "Živković", "Kovačević", "Radović", "Vučinić", "Popović", "Šćepanović",
            "Bulatović", "Đurović", "Lazić", "Babić", "Mitrović", "Savić", "Lukić", "Vuković", "Raičević",
            "Obradović", "Milenković", "Ristić", "Jakšić", "Ćirić"]),
    "bs": (["Emir", "Adnan", "Amir", "Haris", "Kenan", "Senad", "Mirza", "Almir", "Edin", "Jasmin", "Nermin",
            "Dragan", "Željko", "Ivan", "Josip", "Ante", "Mladen", "Slaviša"],
           ["Selma", "Amra", "Lejla", "Aida", "Emina", "Amela", "Merima", "Alma", "Ivana", "Marija", "Sanja",
            "Azra"],
           ["Hodžić", "Hadžić", "Begić", "Delić", "Mehmedović", "Hasanović", "Osmanović", "Omerović",
            "Ibrahimović", "Softić", "Mujić", "Halilović", "Ćosić", "Šehić", "Džafić", "Marić", "Jurić",
            "Knežević", "Perić", "Vidović", "Šimić", "Zovko", "Savić", "Tomić", "Kovačević", "Alić",
            "Husić", "Suljić", "Bećirović", "Karić"]),
    "mk": (["Александар", "Горан", "Зоран", "Димитар", "Стојан", "Благоја", "Трајче", "Драган", "Влатко",
            "Љупчо", "Кирил", "Илија", "Никола", "Бобан", "Жарко", "Ѓорѓи", "Методија", "Пеце"],
           ["Елена", "Марија", "Билјана", "Весна", "Катерина", "Снежана", "Љубица", "Анета", "Јасмина",
            "Фросина", "Невена"],
           ["Стојановски", "Петровски", "Николовски", "Трајковски", "Ангеловски", "Димитровски", "Јовановски",
            "Костовски", "Ристовски", "Спасовски", "Георгиевски", "Ѓорѓиевски", "Велјановски", "Стефановски",
            "Наумовски", "Талевски", "Поповски", "Ќирковски", "Миленковски", "Зафировски"]),
    "sq": (["Arben", "Ilir", "Besnik", "Agron", "Driton", "Fatmir", "Artan", "Gentian", "Blerim", "Valon",
            "Ermal", "Endrit", "Klodian", "Erion", "Fisnik", "Bujar", "Xhevdet", "Luan"],
           ["Elira", "Arta", "Blerta", "Drita", "Flutura", "Mimoza", "Teuta", "Vjosa", "Anila", "Besa", "Jonida"],
           ["Hoxha", "Krasniqi", "Gashi", "Berisha", "Shala", "Morina", "Kelmendi", "Bytyqi", "Rexhepi",
            "Ahmeti", "Memeti", "Dervishi", "Leka", "Çela", "Kola", "Marku", "Sula", "Zeqiri", "Xhafa",
            "Selimi", "Osmani", "Ismaili", "Qerimi", "Duka"]),
    "bg": (["Георги", "Иван", "Димитър", "Николай", "Стоян", "Христо", "Пламен"],
           ["Мария", "Елена", "Десислава", "Гергана", "Цветелина"],
           ["Иванов", "Георгиев", "Димитров", "Петров", "Стоянов", "Николов", "Христов", "Колев", "Ангелов"]),
    "hr": (["Ivan", "Josip", "Tomislav", "Mario", "Luka"], ["Ana", "Petra", "Marija", "Ivana"],
           ["Horvat", "Kovačić", "Babić", "Marić", "Novak", "Jurić"]),
    "tr": (["Mehmet", "Ahmet", "Mustafa", "Hüseyin", "Emre", "Murat", "Hakan", "Serkan", "Oğuz"],
           ["Ayşe", "Fatma", "Zeynep", "Elif", "Büşra"],
           ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç"]),
    "de": (["Thomas", "Stefan", "Michael", "Andreas", "Jürgen", "Markus", "Lukas"],
           ["Andrea", "Sabine", "Claudia", "Julia", "Katharina"],
           ["Müller", "Schmidt", "Wagner", "Becker", "Hoffmann", "Schäfer", "Huber", "Gruber", "Keller",
            "Brunner", "Weber"]),
    "se": (["Erik", "Johan", "Anders"], ["Anna", "Karin"], ["Andersson", "Johansson", "Lindqvist"]),
    "nl": (["Jan", "Pieter", "Bram"], ["Sanne", "Lotte"], ["de Vries", "van Dijk", "Jansen", "Bakker"]),
    "it": (["Marco", "Luca", "Giuseppe"], ["Giulia", "Francesca"], ["Rossi", "Bianchi", "Colombo", "Ferrari"]),
    "fr": (["Pierre", "Julien", "Nicolas"], ["Camille", "Sophie"], ["Martin", "Bernard", "Dubois", "Lefèvre"]),
    "pl": (["Piotr", "Krzysztof", "Tomasz"], ["Agnieszka", "Katarzyna"], ["Nowak", "Kowalski", "Wiśniewski"]),
    "cz": (["Petr", "Jan", "Tomáš"], ["Jana", "Lucie"], ["Novák", "Dvořák", "Svoboda", "Černý"]),
    "en": (["John", "Michael", "David", "James", "Robert"], ["Sarah", "Emily", "Jennifer", "Laura"],
           ["Miller", "Johnson", "Smith", "Brown", "Taylor", "Wilson", "Anderson"]),
    "zh": (["Wei", "Lei", "Jun", "Hao", "Ming"], ["Na", "Jing", "Li", "Yan"],
           ["Wang", "Li", "Zhang", "Chen", "Liu", "Huang", "Zhou", "Wu"]),
    "es": (["Juan Carlos", "Luis", "Andrés", "Diego"], ["María", "Carolina", "Lucía"],
           ["Pérez", "Gómez", "Rodríguez", "Vargas", "Mendoza", "Castillo"]),
    "pt": (["João", "Pedro", "Rafael"], ["Ana", "Beatriz"], ["Silva", "Santos", "Oliveira", "Souza"]),
    "dk": (["Mads", "Rasmus", "Søren"], ["Mette", "Camilla"], ["Nielsen", "Jensen", "Hansen", "Pedersen"]),
    "gr": (["Giorgos", "Dimitris", "Nikos", "Kostas"], ["Maria", "Eleni"], ["Papadopoulos", "Georgiou", "Nikolaidis",
           "Karagiannis"]),
    "hu": (["László", "Gábor", "Zoltán", "Attila"], ["Katalin", "Erzsébet"], ["Nagy", "Kovács", "Tóth", "Szabó",
           "Horváth"]),
    "in": (["Rahul", "Amit", "Sanjay", "Vikram"], ["Priya", "Anjali"], ["Sharma", "Patel", "Singh", "Gupta", "Mehta"]),
    "ar": (["Ahmed", "Omar", "Khalid", "Yousef"], ["Fatima", "Mariam"],
           ["Al Mansouri", "Haddad", "Khan", "Al Hashimi"]),
    "ke": (["Peter", "Joseph", "Brian"], ["Grace", "Faith"], ["Otieno", "Kamau", "Wanjiru", "Mwangi"]),
    "jp": (["Hiroshi", "Takeshi", "Kenji"], ["Yuki", "Aiko"], ["Sato", "Suzuki", "Takahashi", "Tanaka"]),
}

SR_CYR = {"A": "А", "B": "Б", "V": "В", "G": "Г", "D": "Д", "Đ": "Ђ", "E": "Е", "Ž": "Ж", "Z": "З", "I": "И",
          "J": "Ј", "K": "К", "L": "Л", "M": "М", "N": "Н", "O": "О", "P": "П", "R": "Р", "S": "С", "T": "Т",
          "Ć": "Ћ", "U": "У", "F": "Ф", "H": "Х", "C": "Ц", "Č": "Ч", "Š": "Ш"}
SR_DIGRAPHS = {"Lj": "Љ", "Nj": "Њ", "Dž": "Џ", "LJ": "Љ", "NJ": "Њ", "DŽ": "Џ"}
MK_LAT = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ѓ": "Ǵ", "Е": "E", "Ж": "Ž", "З": "Z", "Ѕ": "Dz",
          "И": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "Lj", "М": "M", "Н": "N", "Њ": "Nj", "О": "O", "П": "P",
          "Р": "R", "С": "S", "Т": "T", "Ќ": "Ḱ", "У": "U", "Ф": "F", "Х": "H", "Ц": "C", "Ч": "Č", "Џ": "Dž",
          "Ш": "Š", "Ђ": "Đ", "Ћ": "Ć"}
BG_LAT = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ж": "Zh", "З": "Z", "И": "I", "Й": "Y",
          "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U",
          "Ф": "F", "Х": "H", "Ц": "Ts", "Ч": "Ch", "Ш": "Sh", "Щ": "Sht", "Ъ": "A", "Ь": "Y", "Ю": "Yu", "Я": "Ya"}
ENGLISH_STYLE = {"č": "ch", "ć": "c", "š": "sh", "ž": "zh", "đ": "dj", "ǵ": "gj", "ḱ": "kj", "ç": "c", "ë": "e",
                 "Č": "Ch", "Ć": "C", "Š": "Sh", "Ž": "Zh", "Đ": "Dj", "Ǵ": "Gj", "Ḱ": "Kj", "Ç": "C", "Ë": "E"}
SQ_CYR = [("xh", "џ"), ("sh", "ш"), ("zh", "ж"), ("gj", "ѓ"), ("nj", "њ"), ("ll", "л"), ("rr", "р"), ("dh", "д"),
          ("th", "т"), ("ç", "ч"), ("q", "ќ"), ("x", "ѕ"), ("y", "и"), ("ë", "е"), ("j", "ј"), ("c", "ц")]


def _case_like(src: str, out: str) -> str:
    return out.upper() if src.isupper() and len(src) > 1 else out


def cyr_to_lat(text: str) -> str:
    """Macedonian, Serbian or Bulgarian Cyrillic to the local Latin form (Bulgarian: streamlined)."""
    bulgarian = any(c in "ЙЪЩЬЮЯйъщьюя" for c in text)
    table = BG_LAT if bulgarian else MK_LAT
    out = []
    for ch in text:
        up = ch.upper()
        if up in table:
            t = table[up]
            out.append(t if ch.isupper() else t.lower())
        else:
            out.append(ch)
    return "".join(out)


def looks_albanian(text: str) -> bool:
    low = text.casefold()
    return any(m in low for m in ("xh", "ë", "ç", "q", "sh", "x", "y", "dh"))


def serbian_letters(text: str) -> str:
    """Serbian Cyrillic has no ќ, ѓ, ѕ: Albanian names written in Serbia use ћ, ђ, дз."""
    for a, b in (("ќ", "ћ"), ("Ќ", "Ћ"), ("ѓ", "ђ"), ("Ѓ", "Ђ"), ("ѕ", "дз"), ("Ѕ", "Дз")):
        text = text.replace(a, b)
    return text


def lat_to_cyr(text: str, albanian: bool = False) -> str:
    """Serbian or Macedonian Latin to Cyrillic, as a post office writes a name it heard or read."""
    if albanian:
        low = text
        for a, b in SQ_CYR:
            low = low.replace(a, b).replace(a.capitalize(), b.upper())
        text = low
    out, i = [], 0
    while i < len(text):
        two = text[i:i + 2]
        if two in SR_DIGRAPHS or two.capitalize() in SR_DIGRAPHS and two.lower() in ("lj", "nj", "dž"):
            c = SR_DIGRAPHS.get(two) or SR_DIGRAPHS[two.capitalize()]
            out.append(c if two[0].isupper() else c.lower())
            i += 2
            continue
        ch = text[i]
        up = ch.upper()
        if up in SR_CYR:
            out.append(SR_CYR[up] if ch.isupper() else SR_CYR[up].lower())
        elif up == "Ǵ":
            out.append("Ѓ" if ch.isupper() else "ѓ")
        elif up == "Ḱ":
            out.append("Ќ" if ch.isupper() else "ќ")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "A": "А", "E": "Е", "O": "О", "M": "М",
              "T": "Т", "K": "К", "H": "Н"}


def homoglyph(rng: random.Random, text: str) -> str:
    """A Latin name with one Cyrillic look-alike letter: a keyboard left on the other layout."""
    spots = [i for i, c in enumerate(text) if c in HOMOGLYPHS]
    if not spots:
        return text
    i = rng.choice(spots)
    return text[:i] + HOMOGLYPHS[text[i]] + text[i + 1:]


def ascii_fold(text: str) -> str:
    """What a system that keeps only unaccented Latin makes of a name (đ becomes d, ë becomes e)."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def english_style(text: str) -> str:
    return "".join(ENGLISH_STYLE.get(c, c) for c in text)


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def latin(text: str) -> str:
    return cyr_to_lat(text) if is_cyrillic(text) else text


def typo(rng: random.Random, text: str) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:-1])
    kind = rng.random()
    if kind < 0.3:
        return text[:i] + text[i + 1:]
    if kind < 0.55:
        return text[:i] + text[i] + text[i:]
    if kind < 0.8 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    vowels = "aeiou" if not is_cyrillic(text) else "аеиоу"
    return text[:i] + rng.choice(vowels) + text[i + 1:]


def name_variant(rng: random.Random, name: str, kind: str | None = None) -> tuple[str, str]:
    """Another way the same person's name gets written (never the same string), and what was done."""
    for _ in range(6):
        out, done = _variant(rng, name, kind)
        if out != name:
            return out, done
        kind = None
    return typo(rng, name) + ("" if len(name) >= 4 else "a"), "typo"


def _variant(rng: random.Random, name: str, kind: str | None) -> tuple[str, str]:
    kinds = ["script", "ascii", "english", "swap", "typo", "initial", "upper", "middle"]
    kind = kind or rng.choice(kinds)
    parts = name.split()
    if kind == "script":
        if is_cyrillic(name):
            return cyr_to_lat(name), kind
        return lat_to_cyr(name, albanian=looks_albanian(name)), kind
    if kind == "ascii":
        out = ascii_fold(latin(name))
        return (out if out != name else english_style(latin(name))), kind
    if kind == "english":
        return english_style(latin(name)), kind
    if kind == "swap" and len(parts) >= 2:
        return " ".join(parts[-1:] + parts[:-1]), kind
    if kind == "initial" and len(parts) >= 2:
        return parts[0][0] + ". " + " ".join(parts[1:]), kind
    if kind == "upper":
        return ascii_fold(latin(name)).upper(), kind
    if kind == "middle" and len(parts) == 2:
        mid = rng.choice("ABDGJMNPRSZ")
        if is_cyrillic(name):
            mid = lat_to_cyr(mid)
        return f"{parts[0]} {mid}. {parts[1]}", kind
    return typo(rng, name), "typo"


def phone_number(rng: random.Random, country: str) -> str:
    """A canonical international number: +<cc><mobile prefix><subscriber>."""
    p = world.PLACES[country]
    prefix = rng.choice(p["mobile"])
    length = 9 if p["cc"] in ("1",) else (11 if p["cc"] in ("86",) else 8)
    rest = "".join(rng.choice("0123456789") for _ in range(max(5, length - len(prefix) + 1)))
    return f"+{p['cc']}{prefix}{rest}"


def phone_written(rng: random.Random, phone: str, country: str, style: int | None = None) -> str:
    """One of the ways people type a phone number into a web form or a CN 23."""
    cc = world.PLACES[country]["cc"]
    national = phone[1 + len(cc):]
    style = rng.randrange(8) if style is None else style
    if style == 0:
        return phone
    if style == 1:
        return f"+{cc} {national[:2]} {national[2:5]} {national[5:]}"
    if style == 2 and cc not in ("1", "86", "852"):
        return f"0{national[:2]}/{national[2:5]}-{national[5:]}"
    if style == 3 and cc not in ("1", "86", "852"):
        return f"0{national[:2]} {national[2:5]} {national[5:7]} {national[7:]}".strip()
    if style == 4:
        return f"00{cc}{national}"
    if style == 5:
        return f"{cc}{national}"
    if style == 6:
        return f"({cc}) {national}"
    return f"+{cc}-{national[:2]}-{national[2:]}"


def email_for(rng: random.Random, name: str, domain: str | None = None) -> str:
    base = ascii_fold(english_style(latin(name))).lower().replace("'", "")
    parts = [p for p in base.replace(".", " ").split() if p]
    if not parts:
        parts = ["info"]
    style = rng.randrange(4)
    local = (".".join(parts[:2]) if style == 0 else parts[0] + (parts[-1][:1]) if style == 1
             else parts[-1] + str(rng.randint(1, 99)) if style == 2 else "".join(parts[:2]) + str(rng.randint(70, 99)))
    dom = domain or rng.choice(["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "hotmail.com", "outlook.com",
                                "t-home.mk", "open.telekom.rs", "bih.net.ba", "live.com", "icloud.com", "gmx.de"])
    return f"{local}@{dom}"


def person_name(rng: random.Random, pool: str, female: bool | None = None) -> str:
    males, females, surnames = NAMES[pool]
    female = rng.random() < 0.4 if female is None else female
    first = rng.choice(females if female else males)
    last = rng.choice(surnames)
    if female and pool == "mk" and last.endswith("ски"):
        last = last[:-3] + "ска"
    if female and pool == "bg" and last.endswith("ов") or female and pool == "bg" and last.endswith("ев"):
        last += "а"
    return f"{first} {last}"


def written_for_system(name: str, country: str, rng: random.Random, ascii_only: bool = False) -> str:
    """How the reporting system writes a name: some posts keep Cyrillic, couriers often Latin or capitals."""
    if ascii_only:
        return ascii_fold(english_style(latin(name)) if rng.random() < 0.3 else latin(name)).upper()
    if is_cyrillic(name):
        r = rng.random()
        if country in ("MK", "BG") and r < 0.55:
            return name
        return cyr_to_lat(name) if r < 0.85 else english_style(cyr_to_lat(name))
    if country == "RS" and rng.random() < 0.18:
        return serbian_letters(lat_to_cyr(name, albanian=looks_albanian(name)))
    if country == "MK" and rng.random() < 0.25:  # the Macedonian post writes Albanian names in Cyrillic too
        return lat_to_cyr(name, albanian=True)
    if rng.random() < 0.004:
        return homoglyph(rng, name)
    if rng.random() < 0.12:
        return ascii_fold(name)
    return name


def address(rng: random.Random, country: str, city: tuple[str, str] | None = None) -> dict:
    p = world.PLACES[country]
    name, postcode = city or rng.choice(p["cities"])
    street = rng.choice(p["streets"])
    number = str(rng.randint(1, 180))
    if rng.random() < 0.15:
        local = ["a", "b", "/3", "/12", " lok. 4", " ulaz 2"] if country in ("RS", "BA", "ME") else ["a", "b"]
        number += rng.choice(local)
    if country in ("US", "CA", "AU", "GB"):
        text = f"{number} {street}"
    elif country == "AL" and rng.random() < 0.4:
        text = f"{street}, Pallati {rng.randint(1, 40)}, Ap. {rng.randint(1, 30)}"
    else:
        text = f"{street} {number}"
    return {"street": text, "city": name, "postcode": postcode, "country": country}


def new_person(rng: random.Random, country: str, pool: str | None = None, city=None) -> dict:
    pool = pool or world.PLACES[country]["pool"]
    name = person_name(rng, pool)
    party = {"name": name, **address(rng, country, city)}
    party["phone"] = phone_number(rng, country)
    party["email"] = email_for(rng, name) if rng.random() < 0.6 else None
    party["pool"] = pool
    return party


COMPANY_FORMS = {"RS": "d.o.o.", "BA": "d.o.o.", "ME": "d.o.o.", "MK": "ДООЕЛ", "AL": "sh.p.k.", "BG": "ЕООД",
                 "DE": "GmbH", "AT": "GmbH", "CH": "AG", "CN": "Co., Ltd", "TR": "Ltd. Şti.", "US": "LLC",
                 "GB": "Ltd", "NL": "B.V.", "IT": "S.r.l.", "PL": "Sp. z o.o.", "CZ": "s.r.o.", "IN": "Pvt Ltd",
                 "HK": "Limited", "SE": "AB", "SI": "d.o.o.", "HR": "d.o.o.", "AE": "FZE", "FR": "SARL"}


def new_company(rng: random.Random, country: str, words: list[str]) -> dict:
    form = COMPANY_FORMS.get(country, "Ltd")
    core = rng.choice(words)
    if country == "CN":
        core = f"{rng.choice(['Shenzhen', 'Yiwu', 'Guangzhou', 'Dongguan', 'Ningbo'])} {core}"
    name = f"{core} {form}"
    party = {"name": name, **address(rng, country)}
    party["phone"] = phone_number(rng, country)
    slug = ascii_fold(latin(core)).lower().replace(" ", "").replace("&", "")[:14]
    tld = "com" if country in ("CN", "US", "HK", "AE", "IN") else country.lower()
    party["email"] = f"{rng.choice(['info', 'sales', 'office', 'shop', 'export'])}@{slug}.{tld}"
    party["pool"] = "company"
    return party
