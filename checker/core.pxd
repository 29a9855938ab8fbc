# Cython declarations for core.py when it is compiled (setup.py); the .py file stays plain Python.
cimport cython

from checker.message cimport Message

# Checker as an extension type with ``__dict__`` kept (its other attributes stay instance attributes): the
# per-message methods ``_verdict``, ``_hit`` and ``_advice`` become C calls, and the fields they read are struct
# fields (the message's too). ``_rank`` keeps its closure, so it stays a Python method.
cdef class Checker:
    cdef dict __dict__
    cdef public tuple _checks
    cdef public dict _plain_hits, _finding_hits, _ranked, _forces, _advice_cache, _slots_by_word
    cdef public object _no_hits, _carriers, allowlist, versions

    cpdef _hit(self, rule, found)

    cpdef _advice(self, risk, Message msg)

    @cython.locals(active=set, by_word=dict)
    cpdef set _hinted_slots(self, Message msg)

    @cython.locals(hits=list, checks=tuple, active=set)
    cpdef _verdict(self, Message msg)
