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
    from playwright.sync_api import expect, sync_playwright

    # An assertion waits as long as an action (15 s, new_page), not expect's 5 s: Redoc took longer to render on
    # a machine busy with two test workers and other work, and its test failed for it.
    expect.set_options(timeout=15_000)

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


VIEWPORT = {"width": 1400, "height": 1000}


def _new_context(browser, viewport):
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture(scope="module")
def _module_page(browser):
    """One tab for the module's tests, each of which starts it as a new browser session would (see new_page):
    a new page costs Chromium about half a second of CPU (a renderer process, Playwright's set-up of it), more
    than many a test's own clicks. Each module is one xdist group, so one worker opens one tab for it."""
    context = _new_context(browser, VIEWPORT)
    page = context.new_page()
    yield page
    context.close()


def _as_new(page, origin):
    """The module's tab as a fresh session would find it: a blank document, no cookies, nothing stored."""
    if page.url.startswith(origin):
        page.evaluate("() => { window.sessionStorage.clear(); window.localStorage.clear(); }")
    page.goto("about:blank")
    page.context.clear_cookies()


@pytest.fixture
def new_page(browser, console, _module_page, live_server):
    """`new_page(viewport=...)`: a browser session of its own per call (one per user): the first is the module's
    tab, emptied; each further one a new context. Every browser test fails on a Content-Security-Policy
    violation: Chromium reports each on the console ("Refused to …")."""
    contexts, listening = [], []

    def make(viewport=VIEWPORT):
        if not listening:
            page = _module_page
            _as_new(page, live_server.url)
            page.set_viewport_size(viewport)
        else:
            context = _new_context(browser, viewport)
            contexts.append(context)
            page = context.new_page()
        handlers = {
            "console": lambda message: console.append(f"{message.type}: {message.text}"),
            "pageerror": lambda error: console.append(f"pageerror: {error}"),
        }
        for event, handler in handlers.items():
            page.on(event, handler)
        listening.append((page, handlers))
        return page

    yield make
    for context in contexts:
        context.close()
    if listening:
        page, handlers = listening[0]
        _as_new(page, live_server.url)  # what the test's last page still says is its own, not the next test's
        for event, handler in handlers.items():
            page.remove_listener(event, handler)
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
