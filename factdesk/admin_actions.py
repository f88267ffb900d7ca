"""What every admin of the desk shares about actions: one this user is not offered is refused."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied


class OfferedActionsOnly(admin.ModelAdmin):
    """A POSTed action this user is not offered (each declares its permission) is a 403, not the list
    again with "No action selected": a refusal, as for every other write the user may not make."""

    def changelist_view(self, request, extra_context=None):
        posted = request.POST.getlist("action") if request.method == "POST" else []
        if any(action and action not in self.get_actions(request) for action in posted):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)
