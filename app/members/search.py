"""The search language of DESIGN.md §3, parsed into a small syntax tree.

    query  := or ;  or := and ("OR" and)* ;  and := unary (["AND"] unary)*
    unary  := ("-" | "NOT") unary | atom
    atom   := "(" query ")" | field ":" value | text

Only the tree leaves this module; `app.members.query` turns it into parameterised SQL, so
the user's text is never spliced into a statement. Errors carry the 0-based position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message


class QuerySyntaxError(AmicaleError):
    """A malformed query; ``position`` is the 0-based offset of the culprit."""

    def __init__(self, message: str, position: int) -> None:
        self.message = message  # a Message: the window translates it
        self.position = position
        super().__init__(f"{message} (at character {position + 1})")


@dataclass(frozen=True)
class Text:
    value: str
    quoted: bool
    position: int


@dataclass(frozen=True)
class Field:
    name: str  # as typed, e.g. "ville"; resolved by the compiler
    value: str
    position: int  # where the field name starts
    value_position: int


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Union[Text, Field, Not, And, Or]  # noqa: UP007 - a runtime alias used in isinstance


@dataclass(frozen=True)
class _Token:
    kind: str  # "(", ")", "OR", "AND", "NOT", "-", "TEXT", "FIELD"
    position: int
    text: str = ""
    quoted: bool = False
    field: str = ""
    value_position: int = 0


_STOP = set(' \t\r\n()"')
# Bounds that keep a query well inside Python's recursion limit and SQLite's expression
# depth (1,000): longer, deeper or wider queries are refused with one sentence.
MAX_LENGTH = 10_000  # characters
MAX_TERMS = 250  # words, quoted texts and field:value terms
MAX_DEPTH = 32  # nested parentheses and NOT/- prefixes

T_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "the query is too long ({0} characters; at most {1})")
T_TOO_MANY = QT_TRANSLATE_NOOP(
    "Messages", "the query has too many terms (at most {0}): save parts of it as segments"
)
T_TOO_DEEP = QT_TRANSLATE_NOOP(
    "Messages", "the query nests too deeply (at most {0} parentheses or NOT inside each other)"
)
KEYWORDS = {"OR", "AND", "NOT"}


def _read_quoted(query: str, start: int) -> tuple[str, int]:
    """Read a "quoted string" starting at ``start`` (the quote); return text and end index."""
    end = query.find('"', start + 1)
    if end < 0:
        raise QuerySyntaxError(Message(QT_TRANSLATE_NOOP("Messages", "unclosed quote")), start)
    return query[start + 1 : end], end + 1


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    if n > MAX_LENGTH:
        raise QuerySyntaxError(Message(T_TOO_LONG, n, MAX_LENGTH), MAX_LENGTH)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif c in "()":
            tokens.append(_Token(c, i))
            i += 1
        elif c == '"':
            text, i = _read_quoted(query, i)
            tokens.append(_Token("TEXT", i - len(text) - 2, text, quoted=True))
        elif c == "-" and (i + 1 >= n or query[i + 1].isspace() or query[i + 1] == ")"):
            raise QuerySyntaxError(
                Message(QT_TRANSLATE_NOOP("Messages", "'-' must be followed by what to exclude")), i
            )
        elif c == "-":  # at the start of a term: exclusion (inside a word it is a letter)
            tokens.append(_Token("-", i))
            i += 1
        else:
            start = i
            while i < n and query[i] not in _STOP:
                i += 1
            word = query[start:i]
            name, colon, value = word.partition(":")
            if colon and name and name.replace("-", "").isalpha():
                value_position = start + len(name) + 1
                if not value and i < n and query[i] == '"':
                    value, i = _read_quoted(query, i)
                    if not value:
                        raise QuerySyntaxError(
                            Message(QT_TRANSLATE_NOOP("Messages", "'{0}:' needs a value"), name),
                            value_position,
                        )
                elif not value:
                    raise QuerySyntaxError(
                        Message(QT_TRANSLATE_NOOP("Messages", "'{0}:' needs a value"), name),
                        value_position,
                    )
                tokens.append(
                    _Token("FIELD", start, value, field=name, value_position=value_position)
                )
            elif word in KEYWORDS:
                tokens.append(_Token(word, start))
            else:
                tokens.append(_Token("TEXT", start, word))
    terms = [t for t in tokens if t.kind in ("TEXT", "FIELD")]
    if len(terms) > MAX_TERMS:
        raise QuerySyntaxError(Message(T_TOO_MANY, MAX_TERMS), terms[MAX_TERMS].position)
    return tokens


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.index = 0
        self.depth = 0

    def deeper(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QuerySyntaxError(Message(T_TOO_DEEP, MAX_DEPTH), token.position)

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.parse_or()
        token = self.peek()
        if token is not None:
            if token.kind == ")":
                raise QuerySyntaxError(
                    Message(QT_TRANSLATE_NOOP("Messages", "')' without a matching '('")),
                    token.position,
                )
            raise QuerySyntaxError(
                Message(QT_TRANSLATE_NOOP("Messages", "unexpected '{0}'"), token.kind),
                token.position,
            )
        return node

    def parse_or(self) -> Node:
        first = self.peek()
        if first is not None and first.kind == "OR":
            raise QuerySyntaxError(
                Message(QT_TRANSLATE_NOOP("Messages", "OR needs something on its left")),
                first.position,
            )
        children = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "OR"):
                raise QuerySyntaxError(
                    Message(QT_TRANSLATE_NOOP("Messages", "OR needs something on its right")),
                    token.position,
                )
            children.append(self.parse_and())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def parse_and(self) -> Node:
        children = [self.parse_unary()]
        while (token := self.peek()) is not None and token.kind not in (")", "OR"):
            if token.kind == "AND":
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind in (")", "OR", "AND"):
                    raise QuerySyntaxError(
                        Message(QT_TRANSLATE_NOOP("Messages", "AND needs something on its right")),
                        token.position,
                    )
            children.append(self.parse_unary())
        return children[0] if len(children) == 1 else And(tuple(children))

    def parse_unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise QuerySyntaxError(
                Message(QT_TRANSLATE_NOOP("Messages", "the query ends too early")), len(self.query)
            )
        if token.kind in ("-", "NOT"):
            self.take()
            if self.peek() is None:
                raise QuerySyntaxError(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "'{0}' needs something after it"), token.kind
                    ),
                    token.position,
                )
            self.deeper(token)
            negated = Not(self.parse_unary())
            self.depth -= 1
            return negated
        return self.parse_atom()

    def parse_atom(self) -> Node:
        token = self.take()
        if token.kind == "(":
            inner = self.peek()
            if inner is None:
                raise QuerySyntaxError(
                    Message(QT_TRANSLATE_NOOP("Messages", "'(' without a matching ')'")),
                    token.position,
                )
            if inner.kind == ")":
                raise QuerySyntaxError(
                    Message(QT_TRANSLATE_NOOP("Messages", "empty parentheses")), token.position
                )
            self.deeper(token)
            node = self.parse_or()
            self.depth -= 1
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QuerySyntaxError(
                    Message(QT_TRANSLATE_NOOP("Messages", "'(' without a matching ')'")),
                    token.position,
                )
            self.take()
            return node
        if token.kind == "TEXT":
            return Text(token.text, token.quoted, token.position)
        if token.kind == "FIELD":
            return Field(token.field, token.text, token.position, token.value_position)
        if token.kind == ")":
            raise QuerySyntaxError(
                Message(QT_TRANSLATE_NOOP("Messages", "')' without a matching '('")), token.position
            )
        raise QuerySyntaxError(
            Message(QT_TRANSLATE_NOOP("Messages", "'{0}' cannot stand here"), token.kind),
            token.position,
        )


def parse(query: str) -> Node | None:
    """Parse ``query``; None means "everyone". Raises QuerySyntaxError."""
    return _Parser(query).parse()
