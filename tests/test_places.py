"""Places and work modes pulled apart: 'Remote' is how the work is done, not where."""

from __future__ import annotations

import pytest
from roledex.importer.places import split_places
from roledex.kb.countries import is_region


@pytest.mark.parametrize(
    ("places", "kept", "mode"),
    [
        (["Remote"], [], "remote"),
        (["Remote OK"], [], "remote"),
        (["India, Remote"], ["India"], "remote"),
        (["Remote - UK/EU"], ["UK/EU"], "remote"),
        (["remote,Germany (Remote)"], ["Germany"], "remote"),
        (["Berlin | Remoto"], ["Berlin"], "remote"),
        (["Remote (Germany)"], ["Germany"], "remote"),
        (["Remote in Canada"], ["Canada"], "remote"),
        (["Hybrid - London"], ["London"], "hybrid"),
        (["London (Hybrid)"], ["London"], "hybrid"),
        (["Paris (on-site)"], ["Paris"], "onsite"),
        (["Télétravail"], [], "remote"),
        (["San Francisco, CA; Remote"], ["San Francisco, CA"], "remote"),
        (["Pittsburgh, PA"], ["Pittsburgh, PA"], None),
        (["Berlin", "berlin"], ["Berlin"], None),
        (["Remote", "London (Hybrid)"], ["London"], "hybrid"),
        (["Remote", "Paris (on-site)"], ["Paris"], None),
        (["Remotely Island"], ["Remotely Island"], None),
        ([], [], None),
        (["Berlin (Remote) -"], ["Berlin"], "remote"),
        (["Remote - (Germany)"], ["Germany"], "remote"),
        (["Berlin or Paris"], ["Berlin", "Paris"], None),
        (["London; India, Remote"], ["London", "India"], "remote"),
        (["Bangalore, Karnataka, Remote"], ["Bangalore, Karnataka"], "remote"),
        (["Lyon, France - Télétravail partiel"], ["Lyon, France"], "hybrid"),
        (["London, UK (Remote-first, UK only)"], ["London, UK"], "remote"),
        (["Hamburg · Hybrid · Vollzeit"], ["Hamburg"], "hybrid"),
        (["Kraków / Zdalnie"], ["Kraków"], "remote"),
        (["Warszawa (praca hybrydowa)"], ["Warszawa"], "hybrid"),
        (["Milano - in sede"], ["Milano"], "onsite"),
        (["Utrecht | 32-40 uur per week"], ["Utrecht"], None),
        (["Austin, TX · 3 days ago · 40 applicants"], ["Austin, TX"], None),
        (["Dublin | Full-time | Permanent"], ["Dublin"], None),
        (["Work from office"], [], "onsite"),
        (["Madrid (Teletrabajo)"], ["Madrid"], "remote"),
        (["Remote first"], [], "remote"),
        (["2026"], [], None),
        (["Vorort"], ["Vorort"], None),
        # a mode with the words boards add to it is a mode, not a place
        (["Remoto 100%"], [], "remote"),
        (["可远程"], [], "remote"),
        (["Hybrid working"], [], "hybrid"),
        (["在家就可以办公"], [], "remote"),
        # a mode before a place with no mark between them
        (["Hybrid Lake Oswego, OR"], ["Lake Oswego, OR"], "hybrid"),
        (["Remote US"], ["US"], "remote"),
        (["Remote work"], [], "remote"),
        # a level or a restriction is no place
        (["Hanoi, Vietnam", "Internship or Junior"], ["Hanoi, Vietnam"], None),
        (["限制中国以外"], [], None),
        (["Tan Binh, HCM", "At office"], ["Tan Binh, HCM"], "onsite"),
        # a note that the work is not remote leaves the place, read before the mode word in it
        (["Berlin, Germany (no remote)"], ["Berlin, Germany"], "onsite"),
        (["Berlin (remote not possible)"], ["Berlin"], "onsite"),
        (["Amsterdam, Netherlands (Full remote not possible)"], ["Amsterdam, Netherlands"], "onsite"),
        (["Munich (kein Homeoffice)"], ["Munich"], "onsite"),
        (["Lyon (non-remote)"], ["Lyon"], "onsite"),
        (["No remote"], [], "onsite"),
        (["Berlin; no remote"], ["Berlin"], "onsite"),
        (["Berlin (Remote)"], ["Berlin"], "remote"),
        (["上海(可远程)"], ["上海"], "remote"),
        (["リモートワーク可"], [], "remote"),
        # a mode with its days in the office, or its name, beside a place
        (["São Paulo - SP, híbrido (3x na semana)"], ["São Paulo - SP"], "hybrid"),
        (["CDMX, modalidad híbrida"], ["CDMX"], "hybrid"),
        (["Berlin, Hybrid (2 days a week)"], ["Berlin"], "hybrid"),
        (["Remoto (Brasil)"], ["Brasil"], "remote"),
        (["Anywhere in the world"], [], "remote"),
        (["Remote OK"], [], "remote"),
        # hours and 'only' narrow a place and are none: 'Europe only, CET ±2h' is Europe
        (["Remote (Europe only, CET ±2h)"], ["Europe"], "remote"),
        (["Americas, UTC-3 to UTC+3"], ["Americas"], None),
        (["Remote - EST hours"], [], "remote"),
        (["Berlin only"], ["Berlin"], None),
        (["Istanbul"], ["Istanbul"], None),
        (["Estonia"], ["Estonia"], None),
        (["remote within Portugal"], ["Portugal"], "remote"),
        (["Berlin (near the station)"], ["Berlin (near the station)"], None),
        # three or more names with no country or region among them are several places
        (["London, Glasgow, Bournemouth"], ["London", "Glasgow", "Bournemouth"], None),
        (["Sydney, Melbourne, Brisbane, Perth"], ["Sydney", "Melbourne", "Brisbane", "Perth"], None),
        (["Ha Noi, Ho Chi Minh, Da Nang"], ["Ha Noi", "Ho Chi Minh", "Da Nang"], None),
        (["London, Glasgow, Remote"], ["London, Glasgow"], "remote"),
        (["Berlin; London, Glasgow, Bournemouth"], ["Berlin", "London", "Glasgow", "Bournemouth"], None),
        # a sentence about the mode is no place, and the places after it are kept
        (["Open to remote work; Berlin"], ["Berlin"], None),
        # ... and an address stays one place
        (["Soho, London, England"], ["Soho, London, England"], None),
        (["Mitte, Berlin, Deutschland"], ["Mitte, Berlin, Deutschland"], None),
        (["Brooklyn, New York, NY"], ["Brooklyn, New York, NY"], None),
        (["Kreuzberg, Berlin, Bayern"], ["Kreuzberg, Berlin, Bayern"], None),
        (["Austin, Texas"], ["Austin, Texas"], None),
        (["Tower Bridge House, St Katharine Docks, London"], ["Tower Bridge House, St Katharine Docks, London"], None),
        (["Rua Augusta, Consolação, São Paulo"], ["Rua Augusta, Consolação, São Paulo"], None),
        (["Unit 4, 12 Main Street, Leeds"], ["Unit 4, 12 Main Street, Leeds"], None),
        (
            ["Floor 3, Tower Bridge House, St Katharine Docks"],
            ["Floor 3, Tower Bridge House, St Katharine Docks"],
            None,
        ),
    ],
)
def test_places_and_the_mode_they_state(places: list[str], kept: list[str], mode: str | None) -> None:
    assert split_places(places) == (kept, mode)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("California", True),
        ("england", True),
        ("Bayern", True),
        (" NSW ", True),
        ("CA", True),
        ("London", False),
        ("Ca", False),
        ("ABCD", False),
        ("Germany", False),
    ],
)
def test_a_region_is_a_state_province_or_its_code(text: str, region: bool) -> None:
    assert is_region(text) is region
