from vamos.core.tests.matrix import LOGIN, OK, Row, expect

ROWS = [Row("dashboard:index", get=expect(OK, anonymous=LOGIN))]
