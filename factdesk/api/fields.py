"""Serializer fields every app's API uses."""

from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """Text, and only text: DRF's CharField would quietly turn 42 or true into "42" or "True"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)
