from django.conf import settings
from django.contrib import admin
from django.contrib.auth import urls as auth_urls
from django.urls import include, path

# Sign in, sign out, change password; the password-reset pages (which send email) only with
# PASSWORD_RESET=1 and the EMAIL_* variables set (README, Production).
account_urls = [
    pattern
    for pattern in auth_urls.urlpatterns
    if settings.FACTDESK_PASSWORD_RESET or not getattr(pattern, "name", "").startswith("password_reset")
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("factdesk.api_urls")),
    path("accounts/", include(account_urls)),
    path("", include("claims.urls")),
]

# Under /api/ these answer JSON (tools parse it); elsewhere Django's usual pages.
handler400 = "factdesk.api.views.bad_request"
handler404 = "factdesk.api.views.page_not_found"
handler500 = "factdesk.api.views.server_error"
