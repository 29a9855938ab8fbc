# Cython declarations for message.py when it is compiled (setup.py); the .py file stays plain Python.
# cached_property as an extension type: its __get__ becomes a C slot instead of a Python-level call on each first
# access of a fact (-8 k instructions per message, benchmarks/count_instructions.py).
cdef class cached_property:
    cdef object func
    cdef public str name
    cdef public object __doc__


# Message as an extension type: its text attributes are C struct fields (a method's ``self.compact`` is one load),
# and ``__dict__`` is kept, so the cached facts (cached_property, ``_contacts``) and ``model_probability`` still
# land in the instance dictionary as in the plain class.
cdef class Message:
    cdef dict __dict__
    cdef public object raw, sender, allowlist, _analyzer, text, compact, visible


# The hint-word scanner and its test, called for every message (mentions_any several times from this module's
# facts: C calls here, the same Python function elsewhere).
cdef class HintWords:
    cdef set _words
    cdef object _scanner, _last_covered
    cpdef found_in(self, text)


cpdef bint mentions_any(msg, frozenset words)
