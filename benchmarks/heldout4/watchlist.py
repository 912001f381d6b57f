"""National and regional watchlists (records.md §3): known actors listed under one spelling while they
ship under another, listed phones, addresses and e-mails, companies, entries that never appear,
expired listings and common names that innocent people share."""

from __future__ import annotations

import datetime as dt
import random

from . import people, world
from .traffic import HOME_POOLS

LISTS = {"RS": "RS-UKP-ORUZJE", "BA": "BA-SIPA-NADZOR", "MK": "MK-CARINA-RIZIK", "AL": "AL-DOGANA-RREZIK",
         "ME": "ME-UPRAVA-PRIHODA", "REG": "SEE-REGIONAL-EXCHANGE"}
REASONS = ["illicit firearms trafficking", "prior seizure: firearm parts by post", "converted alarm pistols",
           "drug trafficking (cannabis)", "cocaine courier network", "money laundering / cash couriers",
           "explosives (hand grenades)", "ammunition smuggling", "intelligence: receiver of split parcels",
           "sanctions-related"]
COMMON_NAMES = {"RS": ["Marko Petrović", "Dragan Jovanović", "Nikola Nikolić", "Milan Marković"],
                "BA": ["Emir Hodžić", "Amir Begić", "Adnan Mehmedović"],
                "MK": ["Горан Стојановски", "Зоран Николовски"],
                "AL": ["Arben Hoxha", "Ilir Krasniqi", "Besnik Gashi"], "ME": ["Marko Radović"]}


def listed_form(rng: random.Random, name: str, list_country: str) -> str:
    """How a list writes the name: MK lists in Cyrillic, the regional list in English-style capitals."""
    if list_country == "MK":
        return name if people.is_cyrillic(name) else people.lat_to_cyr(name, albanian=True)
    if list_country == "REG":
        return people.ascii_fold(people.english_style(people.latin(name))).upper()
    if list_country == "RS" and rng.random() < 0.3:
        return people.lat_to_cyr(people.latin(name))
    return people.latin(name)


class Watchlists:
    def __init__(self, rng: random.Random, start: dt.date, days: int, n_actors: int):
        self.rng = rng
        self.start = start
        self.entries: list[dict] = []
        self.counter = 0
        self.actors: list[dict] = []  # listed, active, will ship illicitly
        self.namesakes: list[dict] = []  # listed people whose names innocent people share
        self.expired: list[dict] = []  # listings that ran out; the person ships innocently
        for _ in range(n_actors):
            self.actors.append(self._actor())
        for country, names in COMMON_NAMES.items():
            for name in names:
                if rng.random() < 0.7:
                    self.namesakes.append(self._listed_person(country, name=name))
        for _ in range(max(4, n_actors // 2)):
            self.expired.append(self._listed_person(rng.choice(list(world.HOME)), expired=True))
        for _ in range(160 + n_actors * 4):  # never ship in the period
            self._filler()
        rng.shuffle(self.entries)

    def _entry(self, list_country: str, kind: str, **fields) -> dict:
        self.counter += 1
        list_id = LISTS[list_country]
        e = {"list_id": list_id, "entry_id": f"{list_id.split('-')[0]}-{self.counter:05d}", "kind": kind}
        e.update({k: v for k, v in fields.items() if v not in (None, [], "")})
        self.entries.append(e)
        return e

    def _birth(self) -> str:
        d = dt.date(1958, 1, 1) + dt.timedelta(days=self.rng.randint(0, 365 * 45))
        return d.isoformat()

    def _listed_person(self, country: str, name: str | None = None, expired: bool = False) -> dict:
        rng = self.rng
        pool = rng.choices([p for p, _ in HOME_POOLS[country]], [w for _, w in HOME_POOLS[country]])[0]
        person = people.new_person(rng, country, pool)
        if name:
            person["name"] = name
        lc = country if rng.random() < 0.7 else "REG"
        until = None
        if expired:
            until = (self.start - dt.timedelta(days=rng.randint(20, 900))).isoformat()
        elif rng.random() < 0.4:
            until = (self.start + dt.timedelta(days=rng.randint(120, 1500))).isoformat()
        aliases = []
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            aliases.append(listed_form(rng, people.name_variant(rng, person["name"])[0], lc))
        e = self._entry(lc, "person", name=listed_form(rng, person["name"], lc), aliases=sorted(set(aliases)),
                        birth_date=self._birth(), country=country,
                        street=person["street"] if rng.random() < 0.6 else None,
                        city=people.latin(person["city"]), postcode=person["postcode"] if rng.random() < 0.5 else None,
                        reason=rng.choice(REASONS), valid_until=until)
        person["entry"] = e
        return person

    def _actor(self) -> dict:
        """A listed person or company that will ship in the period, with what else of theirs is listed."""
        rng = self.rng
        country = rng.choices(list(world.HOME), list(world.HOME.values()))[0]
        if rng.random() < 0.18:
            company = people.new_company(rng, country, ["Balkan Hunting Trade", "Metal Servis", "Auto Centar Dino",
                                                        "Eko Trgovina", "Sport Lov", "Import-Export Vila"])
            lc = country if rng.random() < 0.6 else "REG"
            e = self._entry(lc, "organisation", name=people.latin(company["name"]) if lc != "MK" else company["name"],
                            aliases=[people.ascii_fold(people.latin(company["name"])).upper()], country=country,
                            street=company["street"], city=people.latin(company["city"]), reason=rng.choice(REASONS))
            company.update({"entry": e, "listed_kinds": ["organisation"], "kind": "organisation"})
            return company
        actor = self._listed_person(country)
        actor["kind"] = "person"
        actor["listed_kinds"] = ["person"]
        lc = actor["entry"]["list_id"]
        lc = next(k for k, v in LISTS.items() if v == lc)
        if rng.random() < 0.35:
            self._entry(lc, "phone", name=actor["phone"] if rng.random() < 0.6 else
                        people.phone_written(rng, actor["phone"], country), country=country, reason="linked phone")
            actor["listed_kinds"].append("phone")
        if rng.random() < 0.25:
            if not actor.get("email"):
                actor["email"] = people.email_for(rng, actor["name"])
            self._entry(lc, "email", name=actor["email"], country=country, reason="linked e-mail")
            actor["listed_kinds"].append("email")
        if rng.random() < 0.25:
            self._entry(lc, "address", name=f"{actor['street']}, {people.latin(actor['city'])}", street=actor["street"],
                        city=people.latin(actor["city"]), postcode=actor["postcode"], country=country,
                        reason="receiving address of seized parcels")
            actor["listed_kinds"].append("address")
        return actor

    def _filler(self) -> None:
        rng = self.rng
        country = rng.choice(list(world.HOME) + ["TR", "BG", "DE", "AT", "SE", "NL"])
        r = rng.random()
        if r < 0.6 and country in HOME_POOLS:
            self._listed_person(country)
        elif r < 0.75:
            c = people.new_company(rng, country, ["Trade Group", "Logistika", "Export Line", "Holding", "Commerce"])
            lc = country if country in LISTS else "REG"
            self._entry(lc, "organisation", name=people.latin(c["name"]), country=country, city=people.latin(c["city"]),
                        reason=rng.choice(REASONS))
        elif r < 0.85:
            lc = country if country in LISTS else "REG"
            self._entry(lc, "phone", name=people.phone_number(rng, country), country=country,
                        reason=rng.choice(REASONS))
        elif r < 0.93:
            lc = country if country in LISTS else "REG"
            a = people.address(rng, country)
            self._entry(lc, "address", name=f"{a['street']}, {people.latin(a['city'])}", street=a["street"],
                        city=people.latin(a["city"]), postcode=a["postcode"], country=country,
                        reason=rng.choice(REASONS))
        else:
            lc = country if country in LISTS else "REG"
            self._entry(lc, "email", name=people.email_for(rng, people.person_name(rng, "sr")), country=country,
                        reason=rng.choice(REASONS))
