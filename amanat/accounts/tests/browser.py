"""Helpers for the browser tests of every app."""


def sign_in(page, login: str, password: str) -> None:
    """Sign in through the Russian login page, as people do, and wait for the home page."""
    page.goto("/ru/accounts/login/")
    page.get_by_label("Имя пользователя, e-mail или телефон").fill(login)
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/ru/")
