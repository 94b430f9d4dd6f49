// Registers every dvc-kit tag (side effect only). Each registration is guarded, so loading this twice is harmless.
import './provider/define.ts';
import './service-search/define.ts';
import './procedure/define.ts';
import './dossier-tracker/define.ts';
import './satisfaction-survey/define.ts';
