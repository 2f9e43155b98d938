# Sources of the model values, added to kontor_sdk (owned by the model/store work).
