"""Chromium driving each role's main journey against a real server, on a 768-px tablet, on SQLite
and PostgreSQL: an officer signs in, claims a hit and records a seizure; a partner sees only its
own; an admin verifies the audit trail."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.inspections.hit_factories import PASSWORD

pytestmark = pytest.mark.browser


def _sign_in(browser, site: str, username: str):  # noqa: ANN001, ANN202
    page = browser.new_page(viewport={"width": 768, "height": 1024})  # a tablet upright
    page.goto(f"{site}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return page


def test_officer_claims_a_hit_and_records_a_seizure(browser, site: str) -> None:  # noqa: ANN001
    page = _sign_in(browser, site, "officer-1")
    page.wait_for_url(f"{site}/hits")
    assert page.get_by_role("heading", name="Hit list").is_visible()
    first = page.locator("table.hits tbody tr").first
    assert "pistol parts described as car parts" in first.inner_text()
    claim = first.get_by_role("button", name="Claim").bounding_box()
    assert claim and claim["x"] + claim["width"] <= 768  # on the screen, no sideways scrolling to claim
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    first.get_by_role("button", name="Claim").click()  # HTMX swaps the row in place
    page.get_by_role("link", name="Seizure", exact=True).first.wait_for()
    page.get_by_role("link", name="Seizure", exact=True).first.click()
    page.wait_for_url("**/seizure")
    page.get_by_label("Category of finding 1").select_option("pistol")
    page.get_by_label("Description of finding 1").fill("Zastava M57, serial filed off")
    page.get_by_label("Quantity of finding 1").fill("1")
    page.get_by_label("Category of finding 2").select_option("ammunition")
    page.get_by_label("Quantity of finding 2").fill("50")
    page.get_by_role("button", name="Record seizure").click()
    page.wait_for_url(f"{site}/seizures*")
    expect(page.locator("body")).to_contain_text("Seizure recorded")
    expect(page.locator("body")).to_contain_text("Zastava M57")
    page.close()


def test_two_officers_cannot_hold_one_hit(browser, site: str) -> None:  # noqa: ANN001
    first = _sign_in(browser, site, "officer-1")
    first.wait_for_url(f"{site}/hits")
    second = _sign_in(browser, site, "analyst-1")
    second.wait_for_url(f"{site}/hits")
    assert second.get_by_role("button", name="Claim").count() == 0  # analysts read, officers work
    first.locator("table.hits tbody tr").first.get_by_role("button", name="Claim").click()
    first.get_by_role("button", name="Release").first.wait_for()
    first.close()
    second.close()


def test_partner_sees_only_its_own_and_reports_a_parcel(browser, site: str) -> None:  # noqa: ANN001
    page = _sign_in(browser, site, "partner-1")
    page.wait_for_url(f"{site}/partner")
    content = page.content()
    assert "EX000000001" in content and "POSTA-RS" not in content and "pistol parts" not in content
    page.get_by_role("button", name="Confirm EX000000001 is held").click()
    expect(page.locator("tr[id^=hold-]", has_text="EX000000001")).to_contain_text("held since")  # waits out the post and redirect
    page.get_by_label("Shipment id").first.fill("EX000000002")
    page.get_by_label("What is suspicious").fill("parcel rattles, heavier than declared")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator("body")).to_contain_text("was sent to customs")  # content() mid-redirect is empty
    page.close()


def test_admin_sees_the_audit_trail_intact(browser, site: str) -> None:  # noqa: ANN001
    page = _sign_in(browser, site, "admin-1")
    page.wait_for_url(f"{site}/admin/users")
    page.get_by_role("link", name="Audit trail").click()
    page.get_by_role("button", name="Verify the chain").click()
    expect(page.locator("body")).to_contain_text("The chain is intact")
    page.close()


def test_investigator_and_analyst_pages_render(browser, site: str) -> None:  # noqa: ANN001
    for username, url in (("investigator-1", "/seizures"), ("analyst-1", "/analyst/profiles"), ("coordinator-1", "/overview"),
                          ("prosecutor-1", "/seizures")):  # fmt: skip
        page = _sign_in(browser, site, username)
        page.wait_for_url(f"{site}/**")
        page.goto(f"{site}{url}")
        assert page.locator("h1").count() == 1
        page.close()
