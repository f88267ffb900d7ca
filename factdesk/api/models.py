"""What the API remembers between requests: the first answer to a POST sent with an Idempotency-Key."""

from django.db import models


class IdempotentRequest(models.Model):
    """One Idempotency-Key of one caller: what was asked (a hash) and what was answered."""

    caller = models.CharField(max_length=64, help_text="sha256 of the credentials that sent it")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64, help_text="sha256 of method, path, query and body")
    status_code = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty while in progress")
    content = models.BinaryField(default=bytes, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["caller", "key"], name="idempotency_key_once_per_caller")]

    def __str__(self) -> str:
        return f"{self.key} ({self.status_code or 'in progress'})"
