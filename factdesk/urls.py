from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("factdesk.api_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("claims.urls")),
]

# Under /api/ these answer JSON (tools parse it); elsewhere Django's usual pages.
handler400 = "factdesk.api.views.bad_request"
handler404 = "factdesk.api.views.page_not_found"
handler500 = "factdesk.api.views.server_error"
