"""What the server knows of a group's document, to judge an update before anything stores or applies it.

pycrdt shows a document's content but not where each struct sits. The shape keeps that (document.py),
and an update read by notes/wire.py is judged against it exactly as yrs would integrate it (judge.py):

- every struct it references (origins, parent) is known, or comes in the same update: nothing is
  left pending, and no parent is a value that is not a shared type (which makes every later load
  of the document fail);
- every new struct lands where the schema allows (notes/rules.py);
- every deletion is of something known;
- no point's text grows beyond the maximum.

Structs the document holds already are skipped as yrs skips them. The shape only grows; it never
needs to know what yrs garbage-collected, because an item placed in a collected parent is collected too.
"""

from .document import DocShape
from .plan import Judgement, Outcome, Plan
from .spans import ROOT, Ranges, Run, Runs

__all__ = ["ROOT", "DocShape", "Judgement", "Outcome", "Plan", "Ranges", "Run", "Runs"]
