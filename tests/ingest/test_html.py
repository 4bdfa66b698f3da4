"""A saved gov.uk-style page: only the article is indexed (no cookie banner, navigation, header or footer), and
the metadata sidecar `page.html.meta.yaml` supplies what the page does not say (authority, date)."""

from __future__ import annotations

import pytest

from .conftest import Indexed

ARTICLE = [
    "Ofsted inspects state-funded schools in England to check that pupils receive a good standard of education.",
    "The lead inspector telephones the school the working day before a graded inspection begins.",
    "Parents can share their views about the school through Ofsted Parent View at any time during the year.",
    "The school must give a copy of the final inspection report to parents within five working days of receiving it.",
    "If parents are worried about a school, they should first raise their concerns with the headteacher.",
]
FURNITURE = [
    "We use some essential cookies to make this website work",
    "Accept additional cookies",
    "View cookies",
    "Skip to main content",
    "Money and tax",
    "Inspections and performance of education providers",
    "Privacy",
    "Accessibility statement",
    "Terms and conditions",
    "Open Government Licence",
    "Crown copyright",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Inspecting schools: guidance for parents - GOV.UK</title>
<meta property="og:site_name" content="GOV.UK">
</head>
<body>
<div id="global-cookie-message" class="gem-c-cookie-banner" role="region" aria-label="Cookies on GOV.UK">
  <h2>Cookies on GOV.UK</h2>
  <p>{FURNITURE[0]}. We'd like to set additional cookies to understand how you use GOV.UK.</p>
  <button>{FURNITURE[1]}</button> <button>Reject additional cookies</button> <a href="/help/cookies">{FURNITURE[2]}</a>
</div>
<a href="#main-content" class="govuk-skip-link">{FURNITURE[3]}</a>
<header class="govuk-header" role="banner"><a href="/" class="govuk-header__link">GOV.UK</a>
  <nav aria-label="Menu"><ul><li><a href="/browse/benefits">Benefits</a></li>
  <li><a href="/browse/education">Education and learning</a></li><li><a href="/browse/tax">{FURNITURE[4]}</a></li></ul></nav>
</header>
<nav class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/education">Education, training and skills</a></li>
  <li><a href="/inspections">{FURNITURE[5]}</a></li></ol></nav>
<main id="main-content" role="main"><article>
  <h1>Inspecting schools: guidance for parents</h1>
  <p>{ARTICLE[0]}</p>
  <h2>Before the inspection</h2>
  <p>{ARTICLE[1]}</p>
  <p>{ARTICLE[2]}</p>
  <h2>After the inspection</h2>
  <p>{ARTICLE[3]}</p>
  <p>{ARTICLE[4]}</p>
</article></main>
<footer class="govuk-footer" role="contentinfo">
  <h2 class="govuk-visually-hidden">Support links</h2>
  <ul><li><a href="/help">Help</a></li><li><a href="/help/privacy-notice">{FURNITURE[6]}</a></li>
  <li><a href="/help/cookies">Cookies</a></li><li><a href="/help/accessibility-statement">{FURNITURE[7]}</a></li>
  <li><a href="/contact">Contact</a></li><li><a href="/help/terms-conditions">{FURNITURE[8]}</a></li></ul>
  <p>All content is available under the {FURNITURE[9]} v3.0, except where otherwise stated</p>
  <a href="https://www.nationalarchives.gov.uk/">&copy; {FURNITURE[10]}</a>
</footer>
</body></html>
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory, settings_factory, ingest_now) -> Indexed:
    corpus = tmp_path_factory.mktemp("html") / "corpus"
    corpus.mkdir()
    (corpus / "page.html").write_text(PAGE, encoding="utf-8")
    (corpus / "page.html.meta.yaml").write_text(
        "id: govuk-inspecting-schools\nauthority: official\ndate: 2024-09-01\npublisher: Ofsted\n"
        "url: https://www.gov.uk/guidance/inspecting-schools-guidance-for-parents\n"
    )
    settings = settings_factory(corpus)
    return Indexed(settings, ingest_now(settings))


def test_page_is_ingested(page):
    assert page.report.added == ["govuk-inspecting-schools"] and page.report.skipped == []
    assert page.store.count_all() == page.manifest().total_chunks > 0


@pytest.mark.parametrize("sentence", ARTICLE, ids=lambda s: s[:30])
def test_article_sentences_are_indexed(page, sentence):
    assert sentence in "\n".join(c.text for c in page.active())


@pytest.mark.parametrize("furniture", FURNITURE)
def test_banner_navigation_and_footer_are_not(page, furniture):
    assert furniture in PAGE  # the page really has it
    assert not [t for t in page.all_documents() if furniture.lower() in t.lower()]


def test_sidecar_metadata_is_applied(page):
    chunks = page.active()
    assert chunks
    for c in chunks:
        m = c.meta
        assert m.doc_id == "govuk-inspecting-schools"
        assert m.authority == "official"  # a page alone would be 'commentary' (no authority in it)
        assert m.date == "2024-09-01"
        assert m.publisher == "Ofsted"
        assert m.url == "https://www.gov.uk/guidance/inspecting-schools-guidance-for-parents"
        assert m.title == "Inspecting schools: guidance for parents"  # from the page itself
        assert m.source_path == "page.html"
    entry = page.manifest().docs["govuk-inspecting-schools"]
    assert (entry.authority, entry.date) == ("official", "2024-09-01")


def test_headings_become_heading_paths(page):
    by_text = {c.text: c for c in page.active()}
    after = [c for t, c in by_text.items() if "within five working days" in t]
    assert len(after) == 1 and after[0].heading_path == ("After the inspection",)
