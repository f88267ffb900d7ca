"""System checks: `manage.py check` (and runserver, migrate) says what is wrong before an extraction does."""

from django.core import checks


@checks.register()
def spacy_model_loads(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The spaCy model FACTDESK_SPACY_MODEL names loads; else every extraction would fail on it."""
    if app_configs is not None and not any(config.label == "claims" for config in app_configs):
        return []
    # Imported here, at check time: importing claims (or claims.extraction) must not load spaCy.
    from claims.extraction.pipeline import ModelNotAvailable, load_nlp

    try:
        load_nlp()  # cached per process: a server or command that extracts later reuses it
    except ModelNotAvailable as exc:
        return [checks.Error(str(exc), obj="FACTDESK_SPACY_MODEL", id="claims.E001")]
    return []
