"""The catalogue of hostile and broken inputs (see README.md); ``generators`` builds them."""
