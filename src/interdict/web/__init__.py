"""The web application: a thin layer gathering each capability's routes and pages."""
