"""Chromium on a real server: an investigator opens a seizure an officer recorded, adds the firearm
identification with a serial read in Cyrillic, sees the earlier seizure of the same pistol matched,
and raises a tracing request from it."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.inspections.hit_factories import user
from tests.web.test_browser import _sign_in
from tests.web.test_firearm_pages import _earlier, _seizure_outcome

pytestmark = pytest.mark.browser


def test_investigator_identifies_a_firearm_sees_the_match_and_raises_a_tracing_request(browser, site: str, engine: Engine) -> None:  # noqa: ANN001, F811
    _earlier(engine)
    _seizure_outcome(engine, user(engine, "officer", username="officer-2"))

    page = _sign_in(browser, site, "investigator-1")
    page.wait_for_url(f"{site}/**")
    page.get_by_role("link", name="Seizures", exact=True).click()
    page.get_by_role("button", name="Identify firearms").first.click()
    page.wait_for_url(f"{site}/firearms/seizures/*")

    page.get_by_label("Category").select_option("pistol")
    page.get_by_label("Make").fill("Zastava")
    page.get_by_label("Model").fill("M70")
    page.get_by_label("Calibre").fill("7.65mm")
    page.get_by_label("Serial as read").fill("ВН 4О512")  # Cyrillic В, Н and О
    page.get_by_label("Country of manufacture").fill("RS")
    page.get_by_label("Import marking: country").fill("AT")
    page.get_by_role("button", name="Save identification").click()
    page.get_by_text("Identification saved").wait_for()
    matches = page.locator("table.matches").first.inner_text()
    assert "SR-EARLY-MK" in matches and "identical serial" in matches and "SR-EARLY-RS" not in matches

    page.get_by_role("link", name="Create a tracing request").first.click()
    page.get_by_label("Request id").fill("TR-B1")
    page.get_by_label("Case reference").fill("KO-9/25")
    page.get_by_label("smuggled across border").check()
    page.get_by_role("button", name="Create draft").click()
    page.wait_for_url(f"{site}/tracing/*")
    assert page.get_by_role("heading", name="Tracing request TR-B1").is_visible()
    assert "RS (manufacture)" in page.content() and "AT (last legal import)" in page.content()
    page.get_by_label("New status").select_option("sent")
    page.get_by_role("button", name="Change status").click()
    page.get_by_text("answer due").wait_for()
    page.get_by_role("link", name="Tracing", exact=True).click()
    page.wait_for_url(f"{site}/tracing")  # the list, not the request page the link was clicked on
    assert "TR-B1" in page.locator("table").inner_text()
    page.close()
