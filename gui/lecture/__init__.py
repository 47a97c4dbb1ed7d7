"""Teaching with the app: the guided walkthrough, presenter mode and its cursor spotlight."""
