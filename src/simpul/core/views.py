from django.contrib.auth import views as auth_views
from django.shortcuts import redirect


def beranda(request):
    return redirect("dashboard" if request.user.is_authenticated else "login")


class MasukView(auth_views.LoginView):
    template_name = "core/masuk.html"
    redirect_authenticated_user = True
