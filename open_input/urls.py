app_name = "open_input"
urlpatterns = []
