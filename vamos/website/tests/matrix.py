from vamos.core.tests.matrix import OK, Row, expect

ROWS = [
    Row("imprint", get=expect(OK)),
    Row("privacy-notice", get=expect(OK)),
    Row("accessibility", get=expect(OK)),
]
