export {Agent, request, default} from './http';
