// Brings cdktf's jest matcher types (toHaveResource, ...) into every test file.
import "cdktf/lib/testing/adapters/jest";
