"""The API's views (one module per part, each a Ninja router) and its two pages: the tokens on a
person's account page and the documentation. A view parses, calls one selector or service (through
``api.calls`` for writes), and returns."""
