"""The shapes of what the API returns and takes (pydantic, through Django Ninja): the OpenAPI
schema is made from them. Names of people and places are given in the caller's language where
there are two."""
