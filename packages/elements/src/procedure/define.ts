import { defineElement } from '../base/define.ts';
import { DvcProcedure } from './dvc-procedure.ts';

defineElement('dvc-procedure', DvcProcedure);
