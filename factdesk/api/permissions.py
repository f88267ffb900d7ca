"""Who may call an endpoint: read and write permissions declared by each view."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


class DeskPermission(BasePermission):
    """Signed in, and holding the view's read permissions to read, its write permissions to write.

    Views set `read_permissions` and `write_permissions`; Viewers hold only the former.
    """

    message = "Your account may not do this: reading needs the Viewers group, changing the Editors group."

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            needed = getattr(view, "read_permissions", ())
        else:
            needed = getattr(view, "write_permissions", None)
            if needed is None:
                return False  # a view that forgot to say who may write is read-only
        return user.has_perms(needed)
