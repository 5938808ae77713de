from django.contrib.auth import views as auth_views
from django.shortcuts import redirect


def beranda(request):
    return redirect("dashboard" if request.user.is_authenticated else "login")


class MasukView(auth_views.LoginView):
    template_name = "core/masuk.html"
    redirect_authenticated_user = True


class KeluarView(auth_views.LogoutView):
    """Logging out also tells the browser to drop what it cached of the officer's pages;
    the pages that clear the service worker's copies are in base.html."""

    def post(self, request, *args, **kwargs):
        respons = super().post(request, *args, **kwargs)
        respons["Clear-Site-Data"] = '"cache"'
        return respons
