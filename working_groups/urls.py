app_name = "working_groups"
urlpatterns = []
