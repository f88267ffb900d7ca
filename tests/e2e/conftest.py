"""A real browser (Debian's Chromium through Playwright) against pytest-django's live server."""

import os

import pytest

from ..conftest import restore_roles

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright():
    """Playwright's sync API keeps an event loop running in this thread while the module runs; the
    ORM calls the tests and their database teardown make are still plain synchronous code, so
    Django's async-safety guard would only get in the way.

    Set for this module only, not at import: a process-wide variable leaks into the subprocesses
    of other tests (`check --deploy` rightly fails on it).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser(_orm_beside_playwright):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"needs Debian's chromium at {CHROMIUM}")  # the browser marker says the same, per test
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Redoc's "powered by" logo is its only third-party request: refused on purpose (the docs load nothing from
# elsewhere, and work offline), the one violation a browser test may see.
REFUSED_ON_PURPOSE = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@pytest.fixture
def console():
    """What the browser's pages said on their console (errors, warnings) and the errors their scripts threw."""
    return []


@pytest.fixture
def new_page(browser, console):
    """A fresh, isolated browser session per call (one per user). Every browser test fails on a
    Content-Security-Policy violation: Chromium reports each on the console ("Refused to …")."""
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
        return page

    yield make
    for context in contexts:
        context.close()
    violations = [line for line in console if "Content Security Policy" in line or "Refused to" in line]
    violations = [line for line in violations if REFUSED_ON_PURPOSE not in line]
    assert not violations, violations


# live_server tests run on a transactional database that is emptied after each test, which also
# removes the groups migration claims.0002 created. Put them back before each browser test and,
# once the module's last flush is done, for the tests that run after these.
@pytest.fixture(autouse=True)
def _roles(transactional_db):
    restore_roles()


@pytest.fixture(scope="module", autouse=True)
def _roles_for_later_tests(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        restore_roles()
