"""Exchange: one versioned, signed JSON format for seizure reports, firearms, tracing requests and
answers and case referrals between institutions and across borders (see docs/exchange.md)."""
