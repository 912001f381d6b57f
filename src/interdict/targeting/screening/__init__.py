"""Watchlist screening: the listed people, companies, addresses, phones and e-mails behind the
names and contacts of shipment parties, in any script and spelling, each match scored and explained.
"""

from interdict.targeting.screening.blocking import name_keys
from interdict.targeting.screening.hits import screener_from_store, watchlist_hits
from interdict.targeting.screening.matcher import BruteForceScreener, Matcher, Screener
from interdict.targeting.screening.models import Match, Query, WatchlistEntry
from interdict.targeting.screening.scoring import compare_names, name_form

__all__ = ["BruteForceScreener", "Match", "Matcher", "Query", "Screener", "WatchlistEntry", "compare_names",
           "name_form", "name_keys", "screener_from_store", "watchlist_hits"]
