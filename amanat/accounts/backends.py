from django.contrib.auth.backends import ModelBackend

from .selectors import user_find_by_login


class UsernameEmailPhoneBackend(ModelBackend):
    """Password login where the login is a username, an e-mail address or a phone number."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        user = user_find_by_login(username)
        if user is None:
            # Same cost as a real check, so timing does not tell which logins exist.
            self.user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    @staticmethod
    def user_model():
        from .models import User

        return User
