"""The extraction library's vocabulary agrees with the models, and its code keeps a library's shape."""

from claims import models
from claims.extraction import vocabulary


def _constants(namespace: type) -> list[tuple[str, str]]:
    return [(name, value) for name, value in vars(namespace).items() if name.isupper()]


def test_the_kind_names_the_extractor_writes_are_the_models_choices():
    assert _constants(vocabulary.Kind) == [(member.name, member.value) for member in models.Kind]
    assert vocabulary.KINDS == tuple(models.Kind.values)


def test_the_qualifier_names_the_extractor_writes_are_the_models_choices():
    assert _constants(vocabulary.Qualifier) == [(member.name, member.value) for member in models.Qualifier]
    assert vocabulary.QUALIFIERS == tuple(models.Qualifier.values)


def test_every_qualifier_phrase_gives_a_qualifier_the_model_accepts():
    given = set(vocabulary.QUALIFIER_PHRASES.values()) | set(vocabulary.OR_AFTER_NUMBER.values())
    assert given <= set(models.Qualifier.values)
