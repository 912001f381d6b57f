"""Cases: referrals of seizures and firearms to police and prosecution, and their status to the end."""
