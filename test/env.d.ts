/** Types `env` from cloudflare:test as the Worker's own Env: the generated bindings plus the settings. */
import type { SettingVars } from '../src/settings';

declare global {
  namespace Cloudflare {
    interface Env extends SettingVars {}
  }
}
