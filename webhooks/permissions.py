"""The delivery log is read-only in the admin, for superusers too."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

READ_ONLY_ACTIONS = frozenset({"view"})


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Grants ``view`` as the model permissions say; never add, change or delete.

    Deliveries are written by the system; an edited log would no longer tell what a
    receiver was actually sent.
    """

    def user_has_permission(self, user, action):
        return action in READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in READ_ONLY_ACTIONS]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
