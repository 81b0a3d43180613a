"""The language of machine answers: the API and the feeds follow ``Accept-Language``.

Django's ``LocaleMiddleware`` pins every URL without a language prefix to
``LANGUAGE_CODE`` once ``i18n_patterns(prefix_default_language=False)`` is in use:
right for the German pages at ``/``, wrong for ``/api/`` and ``/feeds/``, which have
no prefix in any language. Their error messages would then be German for everyone.
Here those paths take the language the client asks for (German when it asks for
none), and say so in ``Vary`` so that caches keep the languages apart.
"""

from django.utils import translation
from django.utils.cache import patch_vary_headers

MACHINE_PATHS = ("/api/", "/feeds/")


class MachineLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(MACHINE_PATHS):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        return response
