"""Civil-society organisations, municipalities, regions and agencies, and the people who speak for them."""
