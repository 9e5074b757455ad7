"""The faces of workshop-kit: widgets, web app, slides and reports. All read from `core`."""
