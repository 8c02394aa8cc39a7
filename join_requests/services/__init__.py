from .erase import join_requests_erase, join_requests_prune
from .submit import join_request_confirm, join_request_submit
from .vet import join_request_accept, join_request_decline

__all__ = [
    "join_request_accept",
    "join_request_confirm",
    "join_request_decline",
    "join_request_submit",
    "join_requests_erase",
    "join_requests_prune",
]
