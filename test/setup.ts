import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";

// cdktf's own matchers: toHaveResource, toHaveResourceWithProperties, toBeValidTerraform...
Testing.setupJest();
